import { Injectable } from '@nestjs/common';

/**
 * Tells the analytics pipeline that a period's figures changed (a review, a unit edit…), so its
 * aggregates are recomputed. The analytics feature enqueues the `aggregate` job from here.
 */
@Injectable()
export class ReviewEvents {
  async changed(_periodId: number): Promise<void> {
    // Wired by the analytics feature (issue 5).
  }
}
