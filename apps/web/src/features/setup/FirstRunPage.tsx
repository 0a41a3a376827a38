/**
 * First run of an empty installation: the organisation, its root unit and the first admin. Shown
 * instead of the sign-in page while the database has no account; the API accepts it only then.
 */
import './setup.css';
import { UNIT_TYPES } from '@chitieu/core';
import { Alert, Button, NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { AppHeader } from '../../components/AppHeader.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { type SetupInput, useRunSetup } from './api/run-setup.ts';

/** The token, when the page was opened from the address the server printed (…/?setup=TOKEN). */
const tokenInAddress = () => new URLSearchParams(window.location.search).get('setup') ?? '';

const EMPTY: SetupInput = {
  organisation: '',
  rootCode: '',
  rootName: '',
  rootType: 'Tỉnh',
  // No guess: the tree's start is usually the term's (01/01/2021 for 2021–2026), not this year's.
  validFrom: '',
  username: '',
  displayName: '',
  password: '',
  passwordConfirm: '',
  token: '',
};

export function FirstRunPage() {
  const { t } = useI18n();
  const setup = useRunSetup();
  const [form, setForm] = useState<SetupInput>(() => ({ ...EMPTY, token: tokenInAddress() }));
  const [mismatch, setMismatch] = useState(false);
  const field = (key: keyof SetupInput) => ({
    value: form[key] ?? '',
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });
  return (
    <div className="page">
      <AppHeader organisation={undefined} />
      <main id="main" className="main main--narrow">
        <form
          className="first-run"
          noValidate
          aria-labelledby="first-run-title"
          onSubmit={(event) => {
            event.preventDefault();
            const differ = form.password !== form.passwordConfirm;
            setMismatch(differ);
            if (!differ) setup.mutate(form);
          }}
        >
          <h2 className="first-run__title" id="first-run-title">
            {t('setup.title')}
          </h2>
          <p className="first-run__lead">{t('setup.lead')}</p>
          {setup.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(setup.error)}
            </Alert>
          )}
          <fieldset className="first-run__group">
            <legend>{t('setup.tokenGroup')}</legend>
            <TextInput
              label={t('setup.token')}
              description={t('setup.tokenHint')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              {...field('token')}
            />
          </fieldset>
          <fieldset className="first-run__group">
            <legend>{t('setup.organisationGroup')}</legend>
            <TextInput
              label={t('setup.organisation')}
              description={t('setup.organisationHint')}
              required
              {...field('organisation')}
            />
            <TextInput
              label={t('setup.rootName')}
              description={t('setup.rootNameHint')}
              required
              {...field('rootName')}
            />
            <div className="first-run__row">
              <TextInput
                label={t('setup.rootCode')}
                description={t('setup.rootCodeHint')}
                required
                {...field('rootCode')}
              />
              <NativeSelect label={t('setup.rootType')} data={[...UNIT_TYPES]} {...field('rootType')} />
            </div>
            <TextInput
              type="date"
              label={t('setup.validFrom')}
              description={t('setup.validFromHint')}
              required
              {...field('validFrom')}
            />
          </fieldset>
          <fieldset className="first-run__group">
            <legend>{t('setup.adminGroup')}</legend>
            <TextInput
              label={t('auth.username')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              {...field('username')}
            />
            <TextInput label={t('setup.displayName')} required {...field('displayName')} />
            <TextInput
              type="password"
              label={t('auth.password')}
              description={t('setup.passwordHint')}
              autoComplete="new-password"
              required
              {...field('password')}
            />
            <TextInput
              type="password"
              label={t('setup.passwordConfirm')}
              autoComplete="new-password"
              required
              error={mismatch ? t('setup.passwordMismatch') : undefined}
              {...field('passwordConfirm')}
            />
          </fieldset>
          <Button type="submit" size="md" fullWidth loading={setup.isPending}>
            {t('setup.submit')}
          </Button>
        </form>
      </main>
    </div>
  );
}
