/**
 * When the tree begins ("Cây đơn vị có hiệu lực từ 01/01/2021"), and a way to move it while
 * nothing depends on it yet — the first-run date is easy to get wrong, and a tree that begins
 * after the term would refuse the term's early periods and the merge maps.
 */
import { formatDate, parseDate } from '@chitieu/core';
import { Alert, Button, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { useSetTreeStart } from './api/set-tree-start.ts';

export function TreeStart({ start }: { start: { date: string; movable: boolean } }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(formatDate(start.date));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSetTreeStart();
  const submit = () => {
    const parsed = parseDate(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    save.mutate(parsed.value, { onSuccess: () => setEditing(false) });
  };
  return (
    <div className="tree-start">
      <p className="tree-start__text">
        {t('units.start', { date: formatDate(start.date) })}
        {start.movable && !editing && (
          <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)}>
            {t('units.start.change')}
          </Button>
        )}
      </p>
      {!start.movable && <p className="tree-start__hint">{t('units.start.fixed')}</p>}
      {editing && (
        <form
          className="tree-start__form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <TextInput
            label={t('units.start.label')}
            description={t('units.start.hint')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={problem}
          />
          <Button type="submit" loading={save.isPending}>
            {t('units.start.save')}
          </Button>
          <Button variant="default" onClick={() => setEditing(false)}>
            {t('dialog.cancel')}
          </Button>
        </form>
      )}
      {save.error && (
        <Alert color="red" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
    </div>
  );
}
