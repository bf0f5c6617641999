import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

export type CustomerChangeType = 'customer.created' | 'customer.linked' | 'customer.merged' | 'customer.split' | 'customer.updated' | 'customer.erased';

/** One change to a golden customer, as the live stream sends it. */
export interface CustomerChange {
  /** Increases by one per change within this API process; a gap means a change was missed. */
  sequence: number;
  type: CustomerChangeType;
  customerId: string;
  /** For merges: the ids merged into customerId; for splits: the customers the records went to. */
  customerIds?: string[];
  /** The records involved (`system:sourceId`). */
  recordKeys?: string[];
  at: string;
}

/**
 * Changes to customers, published after their transaction commits, for the Server-Sent Events
 * stream. It carries the changes this API process made: with several replicas, a client follows
 * each replica, or the replicas share one event bus (outside this service).
 */
@Injectable()
export class LiveUpdates {
  private readonly changes = new Subject<CustomerChange>();
  private sequence = 0;

  publish(changes: Array<Omit<CustomerChange, 'sequence' | 'at'>>): void {
    const at = new Date().toISOString();
    for (const change of changes) this.changes.next({ ...change, sequence: ++this.sequence, at });
  }

  stream(): Observable<CustomerChange> {
    return this.changes.asObservable();
  }
}
