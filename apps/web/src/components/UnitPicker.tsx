import { type ComboboxItem, type ComboboxItemGroup, NativeSelect, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n.ts';
import { depthFirst, searchUnits, type UnitNode } from '../lib/units.ts';

/** From this many units on, a search box narrows the list (a district's few communes need none). */
const SEARCH_FROM = 16;

/** Non-breaking spaces survive in <option> text (ordinary spaces are collapsed). */
const INDENT = '\u00a0\u00a0\u00a0';

type Entry = ComboboxItem | ComboboxItemGroup<ComboboxItem, string>;

/** A unit as the picker needs it; `former`: closed before the structure began (see TreeUnit). */
export type PickerUnit = UnitNode & { former?: boolean };

/**
 * The options for a set of units (often a subtree: what a user may open). Each top unit comes
 * first; when some of its children have units of their own (a province), each such child heads a
 * group holding its subtree, and childless children share a last group; otherwise (a district)
 * the children follow, indented.
 */
export function unitOptions(
  units: readonly PickerUnit[],
  labels: { otherUnits: string; former: string },
): Entry[] {
  const ordered = depthFirst(units);
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = new Map<number, PickerUnit[]>();
  for (const unit of ordered) {
    if (unit.parentId === null || !ids.has(unit.parentId)) continue;
    const list = childrenOf.get(unit.parentId) ?? [];
    list.push(unit);
    childrenOf.set(unit.parentId, list);
  }
  const item = (unit: PickerUnit, baseDepth: number): ComboboxItem => ({
    value: String(unit.id),
    label: `${INDENT.repeat(Math.max(0, unit.depth - baseDepth))}${unit.name}${unit.former ? ` (${labels.former})` : ''}`,
  });
  const subtree = (unit: PickerUnit, baseDepth: number): ComboboxItem[] => [
    item(unit, baseDepth),
    ...(childrenOf.get(unit.id) ?? []).flatMap((child) => subtree(child, baseDepth)),
  ];
  const entries: Entry[] = [];
  const roots = ordered.filter((u) => u.parentId === null || !ids.has(u.parentId));
  for (const root of roots) {
    const children = childrenOf.get(root.id) ?? [];
    entries.push(item(root, root.depth));
    if (!children.some((child) => childrenOf.has(child.id))) {
      for (const child of children) entries.push(...subtree(child, root.depth));
      continue;
    }
    const leaves: ComboboxItem[] = [];
    for (const child of children) {
      if (childrenOf.has(child.id)) entries.push({ group: child.name, items: subtree(child, child.depth) });
      else leaves.push(item(child, child.depth));
    }
    if (leaves.length > 0) entries.push({ group: labels.otherUnits, items: leaves });
  }
  return entries;
}

/**
 * The unit to look at, as a native select (light, keyboard-friendly, the phone's own picker).
 * With `emptyLabel`, an empty choice (e.g. "all units") comes first. A long list gets a search
 * box: what is typed (name or code, with or without diacritics) narrows the select to the units
 * found, each with its parent and code so that namesakes differ; Enter picks the first found.
 */
export function UnitPicker({
  units,
  value,
  onChange,
  loading,
  label,
  emptyLabel,
  className = 'unit-picker',
}: {
  units: PickerUnit[];
  value: number | undefined;
  onChange: (unitId: number | undefined) => void;
  loading: boolean;
  label?: string;
  emptyLabel?: string;
  className?: string;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const { data, ids } = useMemo(
    () => ({
      data: unitOptions(units, { otherUnits: t('scope.otherUnits'), former: t('units.former') }),
      ids: new Set(units.map((u) => String(u.id))),
    }),
    [units, t],
  );
  const found = useMemo(() => (query.trim() === '' ? null : searchUnits(units, query)), [units, query]);

  const selected = value === undefined ? '' : String(value);
  const known = ids.has(selected);
  const placeholder: ComboboxItem = {
    value: '',
    label: loading ? t('state.loading') : (emptyLabel ?? t('scope.unitPlaceholder')),
  };
  const showPlaceholder = emptyLabel !== undefined || !known;
  let options: Entry[] = showPlaceholder ? [placeholder, ...data] : data;
  if (found) {
    const items = found.map(({ unit, parentName }) => ({
      value: String(unit.id),
      label: [unit.name, parentName, unit.code].filter(Boolean).join(' · '),
    }));
    // The unit shown stays an option, so the select keeps showing it until another is picked.
    const shown = found.some(({ unit }) => String(unit.id) === selected);
    const head = !known ? [placeholder] : shown ? [] : [{ value: selected, label: nameOf(units, value) }];
    options = [...head, { group: t('scope.unitsFound', { count: found.length }), items }];
  }
  return (
    <div className={className}>
      <NativeSelect
        label={label ?? t('scope.unit')}
        data={options}
        value={known ? selected : ''}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (next === selected) return;
          if (next !== '') onChange(Number(next));
          else if (emptyLabel !== undefined) onChange(undefined);
        }}
        disabled={ids.size === 0}
      />
      {/* Kept while the list loads, so a long list's box does not push the page down when it arrives. */}
      {(units.length >= SEARCH_FROM || loading) && (
        <TextInput
          className="unit-picker__search"
          type="search"
          size="xs"
          disabled={loading}
          aria-label={t('scope.unitSearch')}
          placeholder={t('scope.unitSearch')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            const first = found?.[0];
            if (event.key !== 'Enter' || !first) return;
            event.preventDefault();
            setQuery('');
            if (String(first.unit.id) !== selected) onChange(first.unit.id);
          }}
          inputWrapperOrder={['input', 'description']}
          description={found && (found.length === 0 ? t('scope.unitsNone') : t('scope.unitsFoundHint'))}
        />
      )}
    </div>
  );
}

function nameOf(units: readonly PickerUnit[], id: number | undefined): string {
  return units.find((unit) => unit.id === id)?.name ?? '';
}
