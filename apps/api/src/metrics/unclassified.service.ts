import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import type { UnclassifiedPhraseDto } from './dto/metric.dto';

/**
 * The most frequent wordings of counts no metric took (issue 14): how the catalogue keeps growing
 * after release. Grouped by the phrase the worker stored, counted over the newest version of each
 * unit's report in the caller's sub-tree; dismissed ones (state rejected) and assigned ones (they
 * have a key now) are not listed.
 */
@Injectable()
export class UnclassifiedService {
  constructor(private readonly db: DataSource) {}

  async list(user: AuthUser, limit = 50): Promise<UnclassifiedPhraseDto[]> {
    const groups = (await this.db.query(
      `SELECT m.phrase, COUNT(DISTINCT m.report_id) AS reports, COUNT(*) AS mentions, MIN(m.id) AS example_id
         FROM mentions m
         JOIN reports r ON r.id = m.report_id
         JOIN units u ON u.id = r.unit_id
        WHERE m.metric_key IS NULL AND m.state <> 'rejected' AND m.phrase IS NOT NULL AND u.path LIKE ?
          AND r.version = (SELECT MAX(v.version) FROM reports v WHERE v.unit_id = r.unit_id AND v.period_id = r.period_id)
        GROUP BY m.phrase
        ORDER BY reports DESC, mentions DESC, m.phrase
        LIMIT ?`,
      [`${user.unitPath}%`, limit],
    )) as { phrase: string; reports: string | number; mentions: string | number; example_id: string }[];
    if (!groups.length) return [];
    const ids = groups.map((g) => String(g.example_id));
    const examples = (await this.db.query(`SELECT id, report_id, unit_word, evidence_text FROM mentions WHERE id IN (${ids.map(() => '?').join(',')})`, ids)) as {
      id: string | number;
      report_id: number;
      unit_word: string;
      evidence_text: string;
    }[];
    const byId = new Map(examples.map((e) => [String(e.id), e]));
    return groups.map((g) => {
      const e = byId.get(String(g.example_id));
      return {
        phrase: g.phrase,
        unit: e?.unit_word ?? '',
        reports: Number(g.reports),
        mentions: Number(g.mentions),
        example: { reportId: Number(e?.report_id ?? 0), text: e?.evidence_text ?? '' },
      };
    });
  }
}
