import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import { decodeCursor, pageOf } from '../common/pagination/pagination';
import { AppError } from '../common/problem/app-error';
import { CypherRegistry } from '../neo4j/cypher-registry';
import { Neo4jService } from '../neo4j/neo4j.service';
import { decide, NormalisedRecord, scorePair } from '../resolution';
import { CustomerExplanationDto, ExplainRequestDto, ExplainResponseDto, PairExplanationDto, ReviewPageDto, ReviewQuery, ReviewTaskDto, SourceRecordViewDto } from './dto/resolution.dto';
import { MatchModelProvider } from './match-model.provider';

const parseJson = (text: unknown) => (typeof text === 'string' ? (JSON.parse(text) as Record<string, unknown>) : null);

/** Reads about resolution: a record and its decision, the crosswalk, reviews, explanations. */
@Injectable()
export class ResolutionQueriesService {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly cypher: CypherRegistry,
    private readonly models: MatchModelProvider,
  ) {}

  async getRecord(system: string, sourceId: string): Promise<SourceRecordViewDto> {
    const [row] = await this.neo4j.readRows(this.cypher.get('resolution/read-source-record'), { key: `${system}:${sourceId}` });
    if (!row) throw AppError.notFound(`No record ${sourceId} from ${system}`);
    return {
      recordKey: row.recordKey as string,
      system: row.system as string,
      sourceId: row.sourceId as string,
      record: parseJson(row.payload)!,
      normalised: parseJson(row.normalised)!,
      observedAt: row.observedAt as string | null,
      ingestedAt: row.ingestedAt as string | null,
      customerId: row.customerId as string | null,
      decision: {
        score: row.score as number | null,
        rule: row.rule as string | null,
        decidedAt: row.decidedAt as string | null,
        decidedBy: row.decidedBy as string | null,
        explanation: parseJson(row.explanation),
      },
    };
  }

  /** Yields crosswalk lines page by page (keyset pagination keeps memory flat). */
  async *crosswalk(system: string | undefined): AsyncGenerator<string> {
    let after = '';
    for (;;) {
      const rows = await this.neo4j.readRows<{ key: string; system: string; sourceId: string; customerId: string }>(this.cypher.get('resolution/crosswalk-page'), {
        system: system ?? null,
        after,
        limit: neo4j.int(5000),
      });
      for (const row of rows) yield JSON.stringify({ system: row.system, sourceId: row.sourceId, customerId: row.customerId }) + '\n';
      if (rows.length < 5000) return;
      after = rows[rows.length - 1].key;
    }
  }

  async listReviews(query: ReviewQuery): Promise<ReviewPageDto> {
    const offset = decodeCursor(query.cursor);
    const rows = await this.neo4j.readRows(this.cypher.get('resolution/list-review-tasks'), {
      status: query.status.toUpperCase(),
      skip: neo4j.int(offset),
      limit: neo4j.int(query.limit + 1),
    });
    const items = rows.map((row) => ({ ...row, explanation: parseJson(row.explanation) }) as unknown as ReviewTaskDto);
    return pageOf(items, offset, query.limit);
  }

  async explainCustomer(customerId: string): Promise<CustomerExplanationDto> {
    const [row] = await this.neo4j.readRows(this.cypher.get('resolution/read-customer-decisions'), { customerId });
    if (!row) throw AppError.notFound(`No customer ${customerId}`);
    const decisions = (row.decisions as Array<Record<string, unknown>>).map((decision) => ({ ...decision, explanation: parseJson(decision.explanation) }));
    return { customerId, status: row.status as string, mergedInto: row.mergedInto as string | null, decisions } as CustomerExplanationDto;
  }

  /** Scores a stored record against another record, or against every record of a customer. */
  async explain(request: ExplainRequestDto): Promise<ExplainResponseDto> {
    if (!request.right.record === !request.right.customerId) {
      throw AppError.validation([{ field: 'right', reason: 'must name exactly one of record or customerId' }]);
    }
    const left = await this.normalisedOf(`${request.left.system}:${request.left.sourceId}`, 'left');
    let rights: NormalisedRecord[];
    if (request.right.record) rights = [await this.normalisedOf(`${request.right.record.system}:${request.right.record.sourceId}`, 'right.record')];
    else {
      const rows = await this.neo4j.readRows<{ normalised: string }>(
        this.cypher.get('resolution/read-customer-other-records'),
        { id: request.right.customerId, left: left.key },
      );
      if (rows.length === 0) throw AppError.notFound(`Customer ${request.right.customerId} has no other records to compare with`);
      rights = rows.map((row) => JSON.parse(row.normalised) as NormalisedRecord);
    }
    const model = this.models.current();
    const pairs: PairExplanationDto[] = rights
      .map((right) => {
        const score = scorePair(left, right, model);
        return { leftRecordKey: left.key, rightRecordKey: right.key, probability: score.probability, matchWeight: score.matchWeight, decision: decide(score.probability, model), comparisons: score.comparisons };
      })
      .sort((a, b) => b.matchWeight - a.matchWeight);
    return { best: pairs[0], pairs };
  }

  private async normalisedOf(key: string, field: string): Promise<NormalisedRecord> {
    const [row] = await this.neo4j.readRows<{ normalised: string }>(this.cypher.get('resolution/read-normalised-record'), { key });
    if (!row) throw AppError.validation([{ field, reason: `no record ${key}` }]);
    return JSON.parse(row.normalised) as NormalisedRecord;
  }
}
