import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { decodeCursor, pageOf } from '../../common/pagination/pagination';
import { AppError } from '../../common/problem/app-error';
import { AppConfig } from '../../config/app-config';
import { NetworkService } from '../../network/network.service';
import { decodeGolden, type GoldenRecord } from '../../resolution';
import { Exposure, ExposureService } from '../exposure/exposure.service';
import { AlertSummary, KycCustomerRow, KycRepository, StoredHit } from '../kyc.repository';
import { countriesOf, customerTypeOf } from '../screening/customer-subject';
import { assessRisk, RiskAssessment, RiskFactor } from './risk-score';
import { RISK_SETTINGS } from './risk-settings';

/** Transactions older than this play no part in the activity factor. */
const ACTIVITY_WINDOW_DAYS = RISK_SETTINGS.activityRecentDays + RISK_SETTINGS.activityBaselineDays;
const BATCH = 200;

export interface KycProfile {
  customerId: string;
  displayName: string | null;
  type: 'person' | 'organization';
  risk: RiskAssessment & { threshold: number; assessedAt: string };
  alert: AlertSummary | null;
  identity: { birthDate: boolean; identifiers: number; addresses: number };
  hits: Array<Omit<StoredHit, 'factors'> & { factors: unknown }>;
  exposure: Exposure | null;
  screenedAt: string | null;
}

/**
 * The explained risk score of customers, stored on the customer, with the alert it raises or
 * clears. A customer whose watchlist standing changed also changes its neighbours' exposure,
 * so they are assessed again too.
 */
@Injectable()
export class RiskService {
  constructor(
    private readonly repository: KycRepository,
    private readonly exposure: ExposureService,
    private readonly network: NetworkService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** The KYC profile of a customer (a merged id answers for its survivor), assessed now and stored. */
  async profile(id: string): Promise<KycProfile> {
    const customer = await this.network.activeCustomer(id);
    const [profile] = await this.rescore([customer.id]);
    if (!profile) throw AppError.notFound(`No active customer ${id}`);
    return profile;
  }

  /** Alerts, newest first; status `all` for open and cleared. */
  async alerts(status: 'open' | 'cleared' | 'all', cursor: string | undefined, limit: number) {
    const offset = decodeCursor(cursor);
    const rows = await this.repository.listAlerts(status === 'all' ? null : status, offset, limit + 1);
    return pageOf(rows.map((row) => ({ ...row, factors: JSON.parse(row.factors) as RiskFactor[] })), offset, limit);
  }

  /** Records an analyst's decision on a hit and assesses the customer again. */
  async decideHit(id: string, decision: string, by: string, note: string | null) {
    const decided = await this.repository.decideHit(id, decision, by, note, new Date().toISOString());
    if (!decided) throw AppError.notFound(`No watchlist hit ${id}`);
    const [profile] = await this.rescore([decided.customerId]);
    return { ...decided, riskScore: profile?.risk.score ?? 0 };
  }

  /** Assesses the customers (active ones; others get their alerts cleared) and stores the scores. */
  async rescore(ids: string[], propagate = true): Promise<KycProfile[]> {
    const profiles: KycProfile[] = [];
    const changedStanding: string[] = [];
    for (let start = 0; start < ids.length; start += BATCH) {
      const now = new Date();
      const since = new Date(now.getTime() - ACTIVITY_WINDOW_DAYS * 86_400_000).toISOString();
      const rows = await this.repository.kycCustomers(ids.slice(start, start + BATCH), since, this.config.NETWORK_HUB_DEGREE);
      const { exposures } = await this.exposure.nearestFlagged(rows.filter((row) => row.status === 'ACTIVE').map((row) => row.id));
      const assessed = rows.map((row) => {
        const golden = decodeGolden(row.golden);
        return { row, golden, assessment: this.assess(row, golden, exposures.get(row.id) ?? null, now) };
      });
      const stored = await this.repository.writeRiskScores(
        assessed.map(({ row, assessment }) => ({ customerId: row.id, score: row.status === 'ACTIVE' ? assessment.score : 0, factors: JSON.stringify(assessment.factors), alertId: `alert_${randomUUID().replace(/-/g, '')}` })),
        this.config.KYC_ALERT_THRESHOLD,
        now.toISOString(),
      );
      const alerts = new Map(stored.map((row) => [row.customerId, row.alert]));
      for (const { row, golden, assessment } of assessed) {
        if (watchlistContribution(row.previousFactors) !== assessment.factors[0].contribution) changedStanding.push(row.id);
        profiles.push(this.profileOf(row, golden, assessment, exposures.get(row.id) ?? null, alerts.get(row.id) ?? null, now));
      }
    }
    if (propagate && changedStanding.length > 0) {
      const neighbours = (await this.exposure.reachable(changedStanding)).filter((id) => !ids.includes(id));
      if (neighbours.length > 0) await this.rescore(neighbours, false);
    }
    return profiles;
  }

  private assess(row: KycCustomerRow, golden: GoldenRecord | null, exposure: Exposure | null, now: Date): RiskAssessment {
    return assessRisk({
      type: customerTypeOf(row.recordTypes),
      hits: row.hits.map((hit) => ({ id: hit.id, status: hit.status, score: hit.score, topics: hit.topics, list: hit.list, entryId: hit.entryId })),
      exposure: exposure ? { hops: exposure.hops, customerId: exposure.flagged.customerId, topics: exposure.flagged.topics } : null,
      countries: countriesOf(golden),
      highRiskCountries: this.config.KYC_HIGH_RISK_COUNTRIES.split(','),
      identity: identityOf(golden),
      shared: row.shared,
      transactions: row.transactions,
      asOf: now,
    });
  }

  private profileOf(row: KycCustomerRow, golden: GoldenRecord | null, assessment: RiskAssessment, exposure: Exposure | null, alert: AlertSummary | null, now: Date): KycProfile {
    return {
      customerId: row.id,
      displayName: row.displayName,
      type: customerTypeOf(row.recordTypes),
      risk: { ...assessment, threshold: this.config.KYC_ALERT_THRESHOLD, assessedAt: now.toISOString() },
      alert,
      identity: identityOf(golden),
      hits: row.hits.map((hit) => ({ ...hit, factors: JSON.parse(hit.factors) as unknown })),
      exposure,
      screenedAt: row.screenedAt,
    };
  }
}

function identityOf(golden: GoldenRecord | null): KycProfile['identity'] {
  return { birthDate: Boolean(golden?.birthDate), identifiers: golden?.identifiers.length ?? 0, addresses: golden?.addresses.length ?? 0 };
}

/** What the watchlist factor added last time (0 for a customer never assessed). */
function watchlistContribution(factors: string | null): number {
  if (!factors) return 0;
  return (JSON.parse(factors) as RiskFactor[]).find((item) => item.factor === 'watchlist')?.contribution ?? 0;
}
