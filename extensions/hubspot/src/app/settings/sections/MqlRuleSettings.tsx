// When a lead becomes an MQL: a fit grade and engagement level, or a hand-raise from a good-enough fit.
import { Flex, Heading, MultiSelect, NumberInput, Select, Text } from '@hubspot/ui-extensions';
import { ENGAGEMENT_LEVELS, FIT_GRADES, type FitGrade, type MqlPolicy } from '@baton/card-api';
import { ENGAGEMENT_TYPE_LABELS } from '../engagementTypes.ts';
import { errorProps, type FieldProblems } from '../fieldProblems.ts';

const GRADE_OPTIONS = FIT_GRADES.map((grade) => ({
  value: grade,
  label: grade === 'A' ? 'A (best fit)' : grade === 'D' ? 'D (poorest fit)' : grade,
}));
const LEVEL_OPTIONS = ENGAGEMENT_LEVELS.map((level) => ({
  value: level,
  label: level === 1 ? '1 (most engaged)' : level === 4 ? '4 (least engaged)' : String(level),
}));
const EVENT_OPTIONS = Object.entries(ENGAGEMENT_TYPE_LABELS).map(([value, label]) => ({ value, label }));

const gradeOf = (value: unknown): FitGrade | undefined => FIT_GRADES.find((g) => g === value);

export function MqlRuleSettings(props: {
  mql: MqlPolicy;
  problems: FieldProblems;
  onChange: (next: MqlPolicy) => void;
}) {
  const { mql, problems, onChange } = props;
  const handRaise = mql.handRaise;
  return (
    <Flex direction="column" gap="sm">
      <Heading>MQL rule</Heading>
      <Text variant="microcopy">
        A lead is marketing-qualified when both thresholds are met, or on a hand-raise.
      </Text>
      <Select
        label="Minimum fit grade"
        name="mql.minFitGrade"
        options={GRADE_OPTIONS}
        value={mql.minFitGrade}
        onChange={(value) => {
          const grade = gradeOf(value);
          if (grade) onChange({ ...mql, minFitGrade: grade });
        }}
        {...errorProps(problems, 'mql.minFitGrade')}
      />
      <Select
        label="Minimum engagement level"
        name="mql.minEngagementLevel"
        options={LEVEL_OPTIONS}
        value={mql.minEngagementLevel}
        onChange={(value) => onChange({ ...mql, minEngagementLevel: Number(value) })}
        {...errorProps(problems, 'mql.minEngagementLevel')}
      />
      <MultiSelect
        label="Hand-raise events"
        name="mql.handRaise.events"
        description="Any of these makes the lead an MQL straight away."
        options={EVENT_OPTIONS}
        value={handRaise.events}
        onChange={(values) => onChange({ ...mql, handRaise: { ...handRaise, events: values.map(String) } })}
        {...errorProps(problems, 'mql.handRaise.events')}
      />
      <Select
        label="Hand-raise: minimum fit grade"
        name="mql.handRaise.minFitGrade"
        options={GRADE_OPTIONS}
        value={handRaise.minFitGrade}
        onChange={(value) => {
          const grade = gradeOf(value);
          if (grade) onChange({ ...mql, handRaise: { ...handRaise, minFitGrade: grade } });
        }}
        {...errorProps(problems, 'mql.handRaise.minFitGrade')}
      />
      <NumberInput
        label="Hand-raise counts within (days)"
        name="mql.handRaise.withinDays"
        min={1}
        value={handRaise.withinDays}
        onChange={(withinDays) => onChange({ ...mql, handRaise: { ...handRaise, withinDays } })}
        {...errorProps(problems, 'mql.handRaise.withinDays')}
      />
    </Flex>
  );
}
