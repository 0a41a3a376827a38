import { type ComboboxItem, type ComboboxItemGroup, NativeSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n.ts';
import { depthFirst } from '../../../lib/units.ts';
import type { TreeUnit } from '../api/get-units.ts';

/** Non-breaking spaces survive in <option> text (ordinary spaces are collapsed). */
const INDENT = '\u00a0\u00a0\u00a0';

type Entry = ComboboxItem | ComboboxItemGroup<ComboboxItem, string>;

/**
 * The unit to look at, as a native select (light, keyboard-friendly, the phone's own picker):
 * the province first, then one group per district holding the district and its communes. Units
 * below the province without units of their own (e.g. the Police's union) share a last group.
 */
export function UnitPicker({
  units,
  value,
  onChange,
  loading,
}: {
  units: TreeUnit[];
  value: number | undefined;
  onChange: (unitId: number) => void;
  loading: boolean;
}) {
  const { t } = useI18n();
  const { data, ids } = useMemo(() => {
    const ordered = depthFirst(units);
    const hasChildren = new Set(units.map((u) => u.parentId));
    const item = (unit: TreeUnit, baseDepth: number): ComboboxItem => ({
      value: String(unit.id),
      label: `${INDENT.repeat(Math.max(0, unit.depth - baseDepth))}${unit.name}`,
    });
    const entries: Entry[] = [];
    const leaves: ComboboxItem[] = [];
    let group: ComboboxItemGroup<ComboboxItem, string> | undefined;
    for (const unit of ordered) {
      if (unit.depth === 0) {
        entries.push(item(unit, 0));
      } else if (unit.depth === 1 && hasChildren.has(unit.id)) {
        group = { group: unit.name, items: [item(unit, 1)] };
        entries.push(group);
      } else if (unit.depth === 1) {
        leaves.push(item(unit, 1));
      } else if (group) {
        group.items.push(item(unit, 2));
      }
    }
    if (leaves.length > 0) entries.push({ group: t('scope.otherUnits'), items: leaves });
    return { data: entries, ids: new Set(ordered.map((u) => String(u.id))) };
  }, [units, t]);

  const selected = value === undefined ? '' : String(value);
  const known = ids.has(selected);
  const placeholder: ComboboxItem = {
    value: '',
    label: loading ? t('state.loading') : t('scope.unitPlaceholder'),
  };
  return (
    <NativeSelect
      className="unit-picker"
      label={t('scope.unit')}
      data={known ? data : [placeholder, ...data]}
      value={known ? selected : ''}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (next !== '' && next !== selected) onChange(Number(next));
      }}
      disabled={ids.size === 0}
    />
  );
}
