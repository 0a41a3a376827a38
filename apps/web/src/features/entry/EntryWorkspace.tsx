/** One unit's results for one period once loaded: the grid, the flags to explain, the report's workflow (send, approve, return) and Excel in and out. */
import { formatDate, formatInstant, todayInVietnam, visibleText } from '@chitieu/core';
import { Alert, Button, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { ReportStateBadge } from '../../components/ReportStateBadge.tsx';
import { useI18n } from '../../i18n.ts';
import type { RoleLike } from '../../lib/access.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { periodName, periodRange } from '../../lib/periods.ts';
import { reportState } from '../../lib/report-state.ts';
import type { EntryParams, EntryGrid as Grid } from './api/get-entry-grid.ts';
import { type ReportAction, useTransitionReport } from './api/transition-report.ts';
import { EntryGrid } from './components/EntryGrid.tsx';
import { ExcelImport } from './components/ExcelImport.tsx';
import { FlagList } from './components/FlagList.tsx';
import { HistoryDialog } from './components/HistoryDialog.tsx';
import { flaggedRows } from './model.ts';
import { type RowView, useEntryEditor } from './use-entry-editor.ts';

export interface EntryUser {
  id: number;
  displayName: string;
  roles: readonly RoleLike[];
}

export function EntryWorkspace({ grid, params, me }: { grid: Grid; params: EntryParams; me: EntryUser }) {
  const { t } = useI18n();
  const editor = useEntryEditor({ grid, params, me });
  const transition = useTransitionReport(params);
  const [dialog, setDialog] = useState<ReportAction | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [history, setHistory] = useState<RowView | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const { permissions, submission, period, unit } = grid;
  const state = reportState(submission);
  const periodText = periodName(period);

  const applicable = editor.views.filter((v) => v.row.applicable);
  // Unusual figures (docs/decisions/0025): the server refuses to send while one has no note.
  const flagged = flaggedRows(grid.rows);
  const unexplained = flagged.filter((f) => !f.noted).length;
  const filled = applicable.filter((v) => v.row.result !== null).length;

  const open = async (action: ReportAction) => {
    setMessage(null);
    setBlocked(null);
    transition.reset();
    if (action === 'submit') {
      await editor.flush();
      const unsaved = editor.pendingRows();
      if (unsaved.length > 0) {
        setBlocked(
          t('entry.submit.blocked', {
            list: unsaved.map((row) => (row.primary ? row.targetName : row.indicator.name)).join('; '),
          }),
        );
        return;
      }
    }
    setComment('');
    setCommentError(null);
    setDialog(action);
  };
  const confirm = () => {
    if (!dialog) return;
    if (dialog === 'return' && visibleText(comment) === null) {
      setCommentError(t('entry.return.commentRequired'));
      return;
    }
    const done: Record<ReportAction, string> = {
      submit: t('entry.submit.done'),
      approve: t('entry.approve.done'),
      return: t('entry.return.done'),
    };
    transition.mutate(
      {
        action: dialog,
        comment: visibleText(comment),
        expectedVersion: dialog === 'submit' ? undefined : submission?.version,
      },
      {
        onSuccess: () => {
          setMessage(done[dialog]);
          setDialog(null);
        },
      },
    );
  };

  let lock: { tone: 'blue' | 'green' | 'gray' | 'orange'; text: string } | null = null;
  if (grid.outsideLife) {
    lock = { tone: 'gray', text: grid.outsideLife };
  } else if (unit.validTo !== null && unit.validTo <= todayInVietnam()) {
    lock = permissions.edit
      ? { tone: 'orange', text: t('entry.lock.closedEditable', { unit: unit.name }) }
      : { tone: 'gray', text: t('entry.lock.closed', { unit: unit.name }) };
  } else if (state === 'submitted') {
    lock = {
      tone: 'blue',
      text: permissions.approve
        ? t('entry.lock.toApprove')
        : (permissions.approveBlocked ?? t('entry.lock.submitted')),
    };
  } else if (state === 'approved') {
    lock = permissions.edit
      ? { tone: 'orange', text: t('entry.lock.approvedEditable') }
      : { tone: 'green', text: t('entry.lock.approved') };
  } else if (!permissions.edit) {
    lock = { tone: 'gray', text: t('entry.lock.readOnly') };
  }

  const dialogTitles: Record<ReportAction, string> = {
    submit: t('entry.submit.title'),
    approve: t('entry.approve.title'),
    return: t('entry.return.title'),
  };
  const dialogBodies: Record<ReportAction, string> = {
    submit: t('entry.submit.body', { unit: unit.name, period: periodText }),
    approve: t('entry.approve.body', { unit: unit.name, period: periodText }),
    return: t('entry.return.body', { unit: unit.name, period: periodText }),
  };
  const reasonRows = editor.views.filter((v) => editor.reasonFor.includes(v.id));

  return (
    <div className="entry">
      <section className="report-bar" aria-label={t('entry.report')}>
        <div className="report-bar__state">
          <ReportStateBadge state={state} size="lg" />
          <div className="report-bar__text">
            <p className="report-bar__title">
              {unit.name} · {periodText}
            </p>
            <p className="report-bar__meta">
              {periodRange(period)} · {t('entry.deadline', { date: formatDate(period.deadline) })}
              {submission?.updatedAt && (
                <>
                  {' · '}
                  {t('entry.lastChange', {
                    name: submission.updatedByName ?? t('entry.someoneElse'),
                    when: formatInstant(submission.updatedAt),
                  })}
                </>
              )}
            </p>
            <p className="report-bar__progress">
              {t('entry.progress', { filled, total: applicable.length })}
            </p>
          </div>
        </div>
        <div className="report-bar__actions">
          {permissions.submit && (
            <Button onClick={() => void open('submit')}>
              {state === 'returned' ? t('entry.submit.again') : t('entry.submit.button')}
            </Button>
          )}
          {permissions.approve && (
            <Button color="teal" onClick={() => void open('approve')}>
              {t('entry.approve.button')}
            </Button>
          )}
          {permissions.return && (
            <Button variant="outline" color="orange" onClick={() => void open('return')}>
              {t('entry.return.button')}
            </Button>
          )}
          <ExcelImport params={params} canImport={permissions.edit} onApplied={setMessage} />
        </div>
      </section>

      {state === 'returned' && (
        <Alert color="orange" variant="filled" className="returned-alert" title={t('entry.returned.title')}>
          <p className="returned-alert__comment">“{submission?.comment}”</p>
          <p className="returned-alert__by">
            {t('entry.returned.by', {
              name: submission?.updatedByName ?? t('entry.someoneElse'),
              when: submission ? formatInstant(submission.updatedAt) : '',
            })}
          </p>
          {permissions.submit && <p className="returned-alert__next">{t('entry.returned.next')}</p>}
        </Alert>
      )}
      {state !== 'returned' && submission?.comment && (
        <p className="report-comment">
          {t('entry.comment', { name: submission.updatedByName ?? t('entry.someoneElse') })}{' '}
          <q>{submission.comment}</q>
        </p>
      )}
      {lock && (
        <p className={`lock-note lock-note--${lock.tone}`} role="note">
          {lock.text}
        </p>
      )}
      {message && (
        <p className="entry-message" role="status">
          {message}
        </p>
      )}
      {blocked && (
        <Alert color="red" variant="light" role="alert" className="entry-blocked">
          {blocked}
        </Alert>
      )}
      {editor.restored > 0 && editor.hasDrafts && (
        <Alert color="yellow" variant="light" className="restored-alert" title={t('entry.restored.title')}>
          <p>{permissions.edit ? t('entry.restored.body') : t('entry.restored.locked')}</p>
          <div className="restored-alert__actions">
            {permissions.edit && (
              <Button size="xs" onClick={editor.saveAll}>
                {t('entry.restored.save')}
              </Button>
            )}
            <Button size="xs" variant="default" onClick={editor.discardAll}>
              {t('entry.restored.discard')}
            </Button>
          </div>
        </Alert>
      )}

      {permissions.edit && <p className="entry-help">{t('entry.help')}</p>}
      <EntryGrid editor={editor} onHistory={setHistory} caption={`${unit.name} · ${periodText}`} />

      <Dialog
        open={dialog !== null}
        wide={flagged.length > 0}
        onClose={() => setDialog(null)}
        title={dialog ? dialogTitles[dialog] : ''}
        onSubmit={confirm}
        actions={
          <>
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('dialog.cancel')}
            </Button>
            <Button
              type="submit"
              loading={transition.isPending}
              disabled={dialog === 'submit' && unexplained > 0}
              color={dialog === 'return' ? 'orange' : dialog === 'approve' ? 'teal' : undefined}
            >
              {dialog ? dialogTitles[dialog] : ''}
            </Button>
          </>
        }
      >
        <p>{dialog ? dialogBodies[dialog] : ''}</p>
        {dialog !== null && <FlagList rows={grid.rows} />}
        {dialog === 'submit' && flagged.length > 0 && (
          <p
            className={`flag-list__hint${unexplained > 0 ? ' flag-list__hint--blocked' : ''}`}
            role={unexplained > 0 ? 'alert' : undefined}
          >
            {unexplained > 0 ? t('flag.submit.blocked', { count: unexplained }) : t('flag.submit.explained')}
          </p>
        )}
        {dialog === 'approve' && flagged.length > 0 && (
          <p className="flag-list__hint">{t('flag.approve.hint')}</p>
        )}
        {dialog === 'return' && (
          <Textarea
            label={t('entry.return.comment')}
            description={t('entry.return.commentHint')}
            required
            autosize
            minRows={3}
            data-autofocus
            value={comment}
            error={commentError}
            onChange={(event) => {
              setComment(event.currentTarget.value);
              if (commentError) setCommentError(null);
            }}
          />
        )}
        {transition.isError && (
          <p className="dialog__error" role="alert">
            {errorMessage(transition.error)}
          </p>
        )}
      </Dialog>

      <Dialog
        open={editor.reasonFor.length > 0}
        onClose={() => {
          setReasonError(null);
          editor.cancelReason();
        }}
        title={t('entry.reason.title')}
        onSubmit={() => {
          if (visibleText(reason) === null) {
            setReasonError(t('entry.reason.required'));
            return;
          }
          setReasonError(null);
          editor.giveReason(reason);
        }}
        actions={
          <>
            <Button variant="default" onClick={() => editor.cancelReason()}>
              {t('entry.reason.cancel')}
            </Button>
            <Button type="submit">{t('entry.reason.save')}</Button>
          </>
        }
      >
        <p>{t('entry.reason.body')}</p>
        <ul className="reason-rows">
          {reasonRows.map((v) => (
            <li key={v.id}>{v.row.primary ? v.row.targetName : v.row.indicator.name}</li>
          ))}
        </ul>
        <Textarea
          label={t('entry.reason.label')}
          required
          autosize
          minRows={2}
          value={reason}
          error={reasonError}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            if (reasonError) setReasonError(null);
          }}
        />
      </Dialog>

      <HistoryDialog
        resultId={history?.row.result?.id}
        indicator={history?.row.indicator}
        title={history ? (history.row.primary ? history.row.targetName : history.row.indicator.name) : ''}
        onClose={() => setHistory(null)}
      />
    </div>
  );
}
