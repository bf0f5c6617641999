import { NoiseDice } from './noise-dice';
import { hasOcrConfusion, ocrSlip } from './text-noise';

/** A text field that a scanning slip may hit, with the way to write the slipped value back. */
export interface OcrTarget {
  text: string;
  replace: (text: string) => void;
}

/** At most one scanning slip per record, in one of the fields where a slip is possible. */
export function applyOcrNoise(targets: OcrTarget[], dice: NoiseDice): void {
  const possible = targets.filter((target) => hasOcrConfusion(target.text));
  if (possible.length === 0 || !dice.strikes('ocr')) return;
  const target = dice.detail.pick(possible);
  target.replace(ocrSlip(target.text, dice.detail));
}
