import { Column } from 'typeorm';

/** Creation and update times, always written by the application in UTC (datetime(3)). */
export abstract class DateColumns {
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
