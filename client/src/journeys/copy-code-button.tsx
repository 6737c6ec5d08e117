import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

const noSubscription = () => () => undefined;
// `clipboard` is missing on pages not served over https (or localhost), whatever the types say.
const browserCanCopy = () => 'clipboard' in navigator && window.isSecureContext;

/**
 * Copies the tracking code. JavaScript only: it renders nothing until the page has hydrated in a
 * browser that lets pages write to the clipboard, so the server's HTML (and a page without
 * JavaScript) never offers a button that cannot work.
 */
export function CopyCodeButton({ code }: { code: string }) {
  const { t } = useTranslation();
  // False on the server and while hydrating, then the browser's answer: so hydration matches.
  const canCopy = useSyncExternalStore(noSubscription, browserCanCopy, () => false);
  const [copied, setCopied] = useState(false);
  if (!canCopy) return null;
  return (
    <p className="govuk-body">
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        onClick={() => {
          void navigator.clipboard.writeText(code).then(() => {
            setCopied(true);
          });
        }}
      >
        {t('support.copyCode')}
      </button>{' '}
      <span role="status" className="govuk-!-margin-left-2">
        {copied ? t('support.copied') : ''}
      </span>
    </p>
  );
}
