import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unclassified mentions (issue 14: nothing silently dropped): a count no metric took is a mention
 * with metric_key NULL, never in totals, until a reviewer assigns a key or dismisses it. `phrase`
 * is its normalised wording (the words before the numeral, N, the measure word), grouped across
 * reports for the administrators' list. One table rather than a second one: assigning a key is
 * an ordinary correction, and a re-extraction carries reviews over the same way.
 */
export class UnclassifiedMentions1796440000001 implements MigrationInterface {
  name = 'UnclassifiedMentions1796440000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE mentions MODIFY metric_key VARCHAR(64) NULL DEFAULT NULL');
    await q.query('ALTER TABLE mentions ADD COLUMN phrase VARCHAR(64) NULL DEFAULT NULL, ADD KEY ix_mentions_phrase (phrase)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM mentions WHERE metric_key IS NULL');
    await q.query('ALTER TABLE mentions DROP KEY ix_mentions_phrase, DROP COLUMN phrase');
    await q.query('ALTER TABLE mentions MODIFY metric_key VARCHAR(64) NOT NULL');
  }
}
