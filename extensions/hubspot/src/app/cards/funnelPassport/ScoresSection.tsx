// Fit and engagement, the grade they make, and the reasons behind each score.
import { Flex, Heading, List, Statistics, StatisticsItem, Tag, Text } from '@hubspot/ui-extensions';
import type { PassportScores } from '@baton/card-api';

function Reasons(props: { title: string; reasons: readonly string[] }) {
  return (
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'demibold' }}>{props.title}</Text>
      {props.reasons.length === 0 ? (
        <Text variant="microcopy">No signals yet.</Text>
      ) : (
        <List variant="unordered">
          {props.reasons.map((reason) => (
            <Text key={reason}>{reason}</Text>
          ))}
        </List>
      )}
    </Flex>
  );
}

export function ScoresSection(props: { scores: PassportScores | null }) {
  const { scores } = props;
  if (!scores) {
    return (
      <Flex direction="column" gap="xs">
        <Heading>Scores</Heading>
        <Text>Not scored yet.</Text>
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Heading>Scores</Heading>
        <Tag variant="info">Grade {scores.grade}</Tag>
      </Flex>
      <Statistics>
        <StatisticsItem label="Fit (who they are)" number={scores.fit} />
        <StatisticsItem label="Engagement (what they do)" number={scores.engagement} />
      </Statistics>
      <Flex direction="row" gap="lg" wrap="wrap">
        <Reasons title="Why this fit" reasons={scores.fitReasons} />
        <Reasons title="Why this engagement" reasons={scores.engagementReasons} />
      </Flex>
    </Flex>
  );
}
