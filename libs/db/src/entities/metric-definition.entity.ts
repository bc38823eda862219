import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonText } from '../json';
import { DateColumns } from './date-columns';

/**
 * The metric catalogue as data. `definition` holds the extractor's whole MetricDefinition (trigger
 * vocabulary, measure words…) so an admin's edit reaches the extractor unchanged; the scalar
 * columns duplicate what SQL needs to filter and sort.
 */
@Entity('metric_definitions')
export class MetricDefinitionEntity extends DateColumns {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  category!: string;

  @Column({ type: 'varchar', length: 16 })
  normalization!: string;

  @Column({ type: 'double', default: 1 })
  weight!: number;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder!: number;

  /** An administrator edited (or created) it: Catalogue.sync never overwrites it with the shipped default. */
  @Column({ type: 'boolean', default: false })
  customized!: boolean;

  @Column({ type: 'longtext', transformer: jsonText })
  definition!: Record<string, unknown>;
}
