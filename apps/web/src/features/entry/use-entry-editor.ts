/**
 * The entry grid's editing state: what is typed (drafts, kept in localStorage), what each row's
 * save is doing, conflicts with someone else's save, and the reason asked for when approved data
 * changes. Saving is per row and in order: a row saved again while its save is on the way is saved
 * once more afterwards with the version the first save returned.
 */
import { type EntryCheck, visibleText } from '@chitieu/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../lib/api-client.ts';
import {
  type EntryGrid,
  type EntryParams,
  type EntryResult,
  type EntryRow,
  entryGridQueryOptions,
  replaceRowResult,
} from './api/get-entry-grid.ts';
import { type SaveResultBody, useClearResult, useSaveResult } from './api/save-result.ts';
import {
  checkTexts,
  clearsValue,
  evidenceProblem,
  type Field,
  figureBody,
  isBlank,
  isDirty,
  normalise,
  type PasteCell,
  serverTexts,
  type Texts,
} from './model.ts';
import { type Drafts, draftStorageKey, useDrafts, without } from './use-drafts.ts';

export type RowState =
  | { kind: 'saving' }
  | { kind: 'saved'; warnings: { field: string; code: string; message: string }[] }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; current: EntryResult; mine: Texts };

export type RowStatus = 'empty' | 'stored' | 'dirty' | 'invalid' | 'saving' | 'saved' | 'error' | 'conflict';

export interface RowView {
  id: number;
  index: number;
  row: EntryRow;
  editable: boolean;
  server: Texts;
  texts: Texts;
  dirty: boolean;
  /** The core's check of the texts; null for a row with nothing stored or typed. */
  check: EntryCheck | null;
  evidenceError: string | null;
  state: RowState | undefined;
  status: RowStatus;
}

function conflictCurrent(error: unknown): EntryResult | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = (error.details as { current?: unknown } | undefined)?.current;
  if (typeof current !== 'object' || current === null) return null;
  return typeof (current as { version?: unknown }).version === 'number' ? (current as EntryResult) : null;
}

const merge = (server: Texts, fields: Partial<Texts> | undefined): Texts => ({ ...server, ...fields });

export function useEntryEditor({
  grid,
  params,
  me,
}: {
  grid: EntryGrid;
  params: EntryParams;
  me: { id: number; displayName: string };
}) {
  const queryClient = useQueryClient();
  const { drafts, get, update } = useDrafts(draftStorageKey(me.id, params.unitId, params.periodId));
  const [states, setStates] = useState<Readonly<Record<number, RowState>>>({});
  const statesRef = useRef(states);
  const gridRef = useRef(grid);
  gridRef.current = grid;
  const [reasonFor, setReasonFor] = useState<number[]>([]);
  const [restored] = useState(() => Object.keys(get()).length);
  const inFlight = useRef(new Map<number, Promise<void>>());
  const again = useRef(new Map<number, string | undefined>());
  const mutation = useSaveResult(params, me.displayName);
  const saveMutation = mutation.mutateAsync;
  const clearMutation = useClearResult(params).mutateAsync;

  // The ref is the truth (saves read it between renders); the state re-renders.
  const setState = useCallback((id: number, state: RowState | undefined) => {
    const current = statesRef.current;
    let next: Readonly<Record<number, RowState>>;
    if (state === undefined) {
      if (!(id in current)) return;
      const { [id]: _dropped, ...rest } = current;
      next = rest;
    } else {
      next = { ...current, [id]: state };
    }
    statesRef.current = next;
    setStates(next);
  }, []);

  // The cache, not the last render: a save's result is there before React renders it.
  const rowById = useCallback(
    (id: number) =>
      (queryClient.getQueryData(entryGridQueryOptions(params).queryKey) ?? gridRef.current).rows.find(
        (row) => row.indicator.id === id,
      ),
    [queryClient, params],
  );

  const setText = useCallback(
    (id: number, field: Field, text: string) => {
      const row = rowById(id);
      if (!row) return;
      const server = serverTexts(row);
      update((all) => {
        const current = all[id];
        const fields: Partial<Texts> = { ...current?.fields, [field]: text };
        if (text.trim() === server[field].trim()) delete fields[field];
        if (Object.keys(fields).length === 0) return without(all, id);
        return { ...all, [id]: { base: current?.base ?? row.result?.version ?? null, fields } };
      });
      const state = statesRef.current[id];
      if (state?.kind === 'error' || state?.kind === 'saved') setState(id, undefined);
    },
    [rowById, update, setState],
  );

  const save = useCallback(
    async (id: number, reason?: string): Promise<void> => {
      const current = gridRef.current;
      if (!current.permissions.edit) return;
      if (inFlight.current.has(id)) {
        again.current.set(id, reason);
        return inFlight.current.get(id);
      }
      const row = rowById(id);
      const draft = get()[id];
      if (!row || !draft) return;
      const server = serverTexts(row);
      const texts = merge(server, draft.fields);
      if (!isDirty(server, texts)) {
        update((all) => without(all, id));
        return;
      }
      if (isBlank(row, texts) || statesRef.current[id]?.kind === 'conflict') return;
      const clearing = clearsValue(row, texts);
      if (!clearing && (checkTexts(row, texts).errors.length > 0 || evidenceProblem(texts.evidenceUrl)))
        return;
      if (current.permissions.reasonRequired && visibleText(reason) === null) {
        setReasonFor((ids) => (ids.includes(id) ? ids : [...ids, id]));
        return;
      }
      const visible = visibleText(reason);
      const why = visible ? { reason: visible } : {};
      // Emptying a stored value (Delete, or erasing it) removes it; a note alone keeps no row.
      const send = clearing
        ? () =>
            clearMutation({
              unitId: params.unitId,
              periodId: params.periodId,
              indicatorId: id,
              expectedVersion: draft.base,
              ...why,
            }).then(() => ({ version: null, warnings: [] }))
        : () =>
            saveMutation(body).then((saved) => ({ version: saved.result.version, warnings: saved.warnings }));
      const body: SaveResultBody = {
        unitId: params.unitId,
        periodId: params.periodId,
        indicatorId: id,
        ...figureBody(row, texts),
        note: texts.note.trim() || null,
        evidenceUrl: texts.evidenceUrl.trim() || null,
        expectedVersion: draft.base,
        ...why,
      };
      const run = (async () => {
        setState(id, { kind: 'saving' });
        try {
          const saved = await send();
          update((all) => {
            const now = all[id];
            if (!now) return all;
            const rest: Partial<Texts> = {};
            for (const [field, text] of Object.entries(now.fields) as [Field, string][]) {
              if (text !== texts[field]) rest[field] = text;
            }
            if (Object.keys(rest).length === 0) return without(all, id);
            return { ...all, [id]: { base: saved.version, fields: rest } };
          });
          setState(id, { kind: 'saved', warnings: saved.warnings });
        } catch (error) {
          const winner = conflictCurrent(error);
          // Someone else saved: the rest of the grid (and the report's state) may have moved too.
          if (winner)
            void queryClient.invalidateQueries({ queryKey: entryGridQueryOptions(params).queryKey });
          setState(
            id,
            winner
              ? { kind: 'conflict', current: winner, mine: texts }
              : { kind: 'error', message: errorMessage(error) },
          );
        }
      })();
      inFlight.current.set(id, run);
      await run;
      inFlight.current.delete(id);
      if (again.current.has(id)) {
        const next = again.current.get(id) ?? reason;
        again.current.delete(id);
        await save(id, next);
      }
    },
    [get, params, queryClient, rowById, saveMutation, clearMutation, setState, update],
  );

  /** Leaving a cell: tidy what was typed ('3000' → '3.000') and save the row if it is valid. */
  const commit = useCallback(
    (id: number, field: Field) => {
      const row = rowById(id);
      const text = get()[id]?.fields[field];
      if (row && text !== undefined) {
        const tidy = normalise(row.indicator, field, text);
        if (tidy !== text) setText(id, field, tidy);
      }
      void save(id);
    },
    [get, rowById, save, setText],
  );

  /** Fill the cells a pasted block covers, then save each row it touched. */
  const paste = useCallback(
    (cells: PasteCell[], rowIds: readonly number[]) => {
      const touched = new Set<number>();
      for (const cell of cells) {
        const id = rowIds[cell.row];
        const row = id === undefined ? undefined : rowById(id);
        if (id === undefined || !row) continue;
        setText(id, cell.field, normalise(row.indicator, cell.field, cell.text));
        touched.add(id);
      }
      for (const id of touched) void save(id);
    },
    [rowById, save, setText],
  );

  const keepMine = useCallback(
    (id: number) => {
      const state = statesRef.current[id];
      if (state?.kind !== 'conflict') return;
      replaceRowResult(queryClient, params, id, state.current);
      update((all) => ({ ...all, [id]: { base: state.current.version, fields: { ...state.mine } } }));
      setState(id, undefined);
      void save(id);
    },
    [params, queryClient, save, setState, update],
  );

  const takeTheirs = useCallback(
    (id: number) => {
      const state = statesRef.current[id];
      if (state?.kind !== 'conflict') return;
      replaceRowResult(queryClient, params, id, state.current);
      update((all) => without(all, id));
      setState(id, undefined);
    },
    [params, queryClient, setState, update],
  );

  /** Revert a row to what is stored. */
  const revert = useCallback(
    (id: number) => {
      update((all) => without(all, id));
      setState(id, undefined);
    },
    [setState, update],
  );

  const saveAll = useCallback(() => {
    for (const id of Object.keys(get())) void save(Number(id));
  }, [get, save]);

  const discardAll = useCallback(() => {
    update(() => ({}));
    statesRef.current = {};
    setStates({});
  }, [update]);

  /** Give the reason asked for: the rows waiting for it are saved with it. */
  const giveReason = useCallback(
    (reason: string) => {
      const ids = reasonFor;
      setReasonFor([]);
      for (const id of ids) void save(id, reason);
    },
    [reasonFor, save],
  );

  const cancelReason = useCallback(() => {
    for (const id of reasonFor) revert(id);
    setReasonFor([]);
  }, [reasonFor, revert]);

  /** Wait for every save on the way (before submitting, say). */
  const flush = useCallback(async () => {
    while (inFlight.current.size > 0) await Promise.all(inFlight.current.values());
  }, []);

  /** Rows not saved as they stand (typed and unsaved, refused, or in conflict), as of now. */
  const pendingRows = useCallback(() => {
    const all = get();
    const current = statesRef.current;
    return gridRef.current.rows.filter((row) => {
      const id = row.indicator.id;
      const state = current[id]?.kind;
      return id in all || state === 'conflict' || state === 'error';
    });
  }, [get]);

  const views = useMemo(() => buildViews(grid, drafts ?? {}, states), [grid, drafts, states]);

  return {
    views,
    restored,
    reasonFor,
    setText,
    commit,
    paste,
    keepMine,
    takeTheirs,
    revert,
    saveAll,
    discardAll,
    giveReason,
    cancelReason,
    flush,
    pendingRows,
    hasDrafts: Object.keys(drafts ?? {}).length > 0,
  };
}

export type EntryEditor = ReturnType<typeof useEntryEditor>;

function buildViews(grid: EntryGrid, drafts: Drafts, states: Readonly<Record<number, RowState>>): RowView[] {
  return grid.rows.map((row, index) => {
    const id = row.indicator.id;
    const server = serverTexts(row);
    const texts = merge(server, drafts[id]?.fields);
    const dirty = isDirty(server, texts);
    const check = isBlank(row, texts) ? null : checkTexts(row, texts);
    const evidenceError = evidenceProblem(texts.evidenceUrl);
    const state = states[id];
    let status: RowStatus;
    if (state?.kind === 'conflict') status = 'conflict';
    else if (state?.kind === 'saving') status = 'saving';
    else if (dirty && ((check?.errors.length ?? 0) > 0 || evidenceError)) status = 'invalid';
    else if (state?.kind === 'error') status = 'error';
    else if (dirty) status = 'dirty';
    else if (state?.kind === 'saved') status = 'saved';
    else status = row.result ? 'stored' : 'empty';
    return {
      id,
      index,
      row,
      editable: grid.permissions.edit && row.applicable,
      server,
      texts,
      dirty,
      check,
      evidenceError,
      state,
      status,
    };
  });
}
