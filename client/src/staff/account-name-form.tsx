import type { AdminAccount } from '@tuo/shared/api/account-admin';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { useTranslation } from 'react-i18next';
import { PostForm, SubmitButton } from '../components/post-form.js';
import { TextField } from './text-field.js';

/** Changing the name colleagues see an account by: its current name until another is typed. */
export function AccountNameForm({
  account,
  form,
  namespace,
}: {
  account: AdminAccount;
  form: FormProps;
  namespace: 'staff' | 'agency';
}) {
  const { t } = useTranslation(namespace);
  const typed = form.values.name;
  const values = { ...form.values, name: typeof typed === 'string' ? typed : (account.displayName ?? '') };
  return (
    <>
      <h2 className="govuk-heading-m">{t('accounts.changeName')}</h2>
      <PostForm form={form}>
        <input type="hidden" name="change" value="name" />
        <TextField
          form={{ ...form, values }}
          name="name"
          label={t('accounts.name')}
          hint={t('accounts.nameHint')}
          autoComplete="off"
        />
        <SubmitButton>{t('accounts.changeName')}</SubmitButton>
      </PostForm>
    </>
  );
}
