import type { MessageKey, Translate } from '../../lib/i18n';
import type { InsightsModel } from '../../lib/insights/page-model';
import { RANGE_PRESETS, type RangePreset } from '../../lib/insights/range';

const PRESET_LABELS: Record<RangePreset, MessageKey> = {
  thisMonth: 'insightsRangeThisMonth',
  lastMonth: 'insightsRangeLastMonth',
  last3Months: 'insightsRangeLast3Months',
  last12Months: 'insightsRangeLast12Months',
  yearToDate: 'insightsRangeYearToDate',
};

/** Presets for the usual questions, and two date fields for any other period. */
export function RangePicker({ model, t }: { model: InsightsModel; t: Translate }) {
  const range = model.range.value;
  return (
    <fieldset class="tb-card tb-row" data-testid="range-picker">
      <legend class="tb-visually-hidden">{t('insightsRange')}</legend>
      <label class="tb-row">
        <span>{t('insightsRange')}</span>
        <select
          class="tb-input"
          data-testid="range-preset"
          value={model.preset.value}
          onChange={(event) => {
            const value = (event.currentTarget).value;
            if (value !== 'custom') void model.choosePreset(value as RangePreset);
          }}
        >
          {RANGE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(PRESET_LABELS[preset])}
            </option>
          ))}
          <option value="custom" disabled={model.preset.value !== 'custom'}>
            {t('insightsRangeCustom')}
          </option>
        </select>
      </label>
      <label class="tb-row">
        <span>{t('insightsFrom')}</span>
        <input
          class="tb-input"
          type="date"
          data-testid="range-from"
          value={range.from}
          max={range.to}
          onChange={(event) => {
            const from = (event.currentTarget).value;
            if (from) void model.chooseRange({ from, to: range.to });
          }}
        />
      </label>
      <label class="tb-row">
        <span>{t('insightsTo')}</span>
        <input
          class="tb-input"
          type="date"
          data-testid="range-to"
          value={range.to}
          min={range.from}
          onChange={(event) => {
            const to = (event.currentTarget).value;
            if (to) void model.chooseRange({ from: range.from, to });
          }}
        />
      </label>
    </fieldset>
  );
}
