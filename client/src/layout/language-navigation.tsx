import { useTranslation } from 'react-i18next';
import { languageOptions } from '../i18n/language-options.js';

/** `url` with `lang` set: the server keeps the choice and sends the reader back to `url`. */
export function languageHref(url: string, language: string): string {
  const [path = '/', query = ''] = url.split('?', 2);
  const params = new URLSearchParams(query);
  params.set('lang', language);
  return `${path}?${params.toString()}`;
}

/**
 * The GOV.UK language navigation: each language named in itself and marked with its own `lang`
 * and `dir`, so screen readers say it in the right voice. Plain links, so it works without
 * JavaScript; answers are in the server's session, so changing language keeps them.
 */
export function LanguageNavigation({ current, url }: { current: string; url: string }) {
  const { t } = useTranslation();
  return (
    <nav className="govuk-language-navigation" aria-label={t('languages.navigationLabel')}>
      <ul className="govuk-language-navigation__list">
        {languageOptions.map((option) => (
          <li className="govuk-language-navigation__list-item" key={option.code}>
            {option.code === current ? (
              <span className="govuk-language-navigation__text" aria-current="true" lang={option.code} dir={option.dir}>
                {option.name}
              </span>
            ) : (
              <a
                className="govuk-language-navigation__link"
                href={languageHref(url, option.code)}
                rel="alternate"
                lang={option.code}
                hrefLang={option.code}
                dir={option.dir}
              >
                {option.name}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
