import { Alert, Switch } from '@mantine/core';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { useSaveSettings, useSettings } from './api/settings.ts';

/** Separation of duties: on by default; only admins of the root unit may change it (the API says so). */
export function DutiesSetting() {
  const { t } = useI18n();
  const settings = useSettings();
  const save = useSaveSettings();
  if (!settings.data) return null;
  return (
    <section className="users-setting" aria-label={t('users.duties.title')}>
      <Switch
        checked={settings.data.separationOfDuties}
        disabled={save.isPending}
        onChange={(event) => save.mutate({ separationOfDuties: event.currentTarget.checked })}
        label={t('users.duties.title')}
        description={t('users.duties.hint')}
      />
      {save.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
    </section>
  );
}
