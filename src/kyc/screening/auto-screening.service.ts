import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { AppConfig } from '../../config/app-config';
import { CustomerChange, LiveUpdates } from '../../live/live-updates.service';
import { KycRepository } from '../kyc.repository';
import { ScreeningService } from './screening.service';

/** How long changes are gathered before they are screened together. */
const GATHER_MS = 100;
const MAX_GATHERED = 2000;

/**
 * Screens every customer an ingest created or changed, after its commit, in the background so
 * ingest does not wait: changes are gathered for a moment and screened in batches. Customers
 * merged away have their open alerts cleared. A change missed by a crash is caught by the
 * next change of that customer or of a list.
 */
@Injectable()
export class AutoScreening implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('AutoScreening');
  private subscription: Subscription | undefined;
  private screen = new Set<string>();
  private retire = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly live: LiveUpdates,
    private readonly screening: ScreeningService,
    private readonly repository: KycRepository,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.KYC_SCREEN_ON_INGEST !== 'true') return;
    this.subscription = this.live.stream().subscribe((change) => this.gather(change));
  }

  private gather(change: CustomerChange): void {
    if (change.type === 'customer.erased') return;
    this.screen.add(change.customerId);
    if (change.type === 'customer.merged') for (const id of change.customerIds ?? []) this.retire.add(id);
    if (change.type === 'customer.split') for (const id of change.customerIds ?? []) this.screen.add(id);
    if (this.screen.size + this.retire.size >= MAX_GATHERED) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), GATHER_MS);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const screen = [...this.screen];
    const retire = [...this.retire].filter((id) => !this.screen.has(id));
    this.screen = new Set();
    this.retire = new Set();
    this.running = this.running.then(() => this.run(screen, retire));
  }

  private async run(screen: string[], retire: string[]): Promise<void> {
    try {
      if (retire.length > 0) await this.repository.clearAlertsOfRetired(retire, new Date().toISOString());
      if (screen.length > 0 && (await this.repository.anyActiveEntries())) await this.screening.screenCustomers(screen);
    } catch (error) {
      this.logger.error(`screening of ${screen.length} changed customer(s) failed: ${(error as Error).name}: ${(error as Error).message}`);
    }
  }

  /** Resolves when everything gathered so far is screened (tests, shutdown). */
  async idle(): Promise<void> {
    if (this.timer) this.flush();
    let current: Promise<void>;
    do {
      current = this.running;
      await current;
    } while (current !== this.running);
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    await this.idle();
  }
}
