import { ApiProperty } from '@nestjs/swagger';

export class ProblemUnitDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The problem as the unit wrote it' }) text!: string;
  @ApiProperty() reportId!: number;
}

export class ProblemClusterDto {
  @ApiProperty({ description: 'The wording most like the others in the group, e.g. 学习形式单一' }) label!: string;
  @ApiProperty({ description: 'Units in the group' }) count!: number;
  @ApiProperty({ type: [ProblemUnitDto] }) units!: ProblemUnitDto[];
}

export class ProblemsDto {
  @ApiProperty() periodCode!: string;
  @ApiProperty({ type: [ProblemClusterDto], description: 'Largest first' }) clusters!: ProblemClusterDto[];
}

export class PromiseDto {
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ description: 'The period whose 下步打算 made the promise' }) fromPeriod!: string;
  @ApiProperty() planText!: string;
  @ApiProperty({ description: 'Metric key the target counts' }) key!: string;
  @ApiProperty() metricName!: string;
  @ApiProperty() target!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'What the unit reported for that metric this period; null when it has not reported' }) actual!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'actual ≥ target; null when there is nothing to compare yet' }) kept!: boolean | null;
}

export class PromisesDto {
  @ApiProperty() periodCode!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The previous period, whose plans are checked' }) fromPeriod!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'That period as people read it (2025年下半年); the code when it has no name' }) fromPeriodName!: string | null;
  @ApiProperty({ type: [PromiseDto] }) items!: PromiseDto[];
}
