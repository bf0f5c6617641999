import { Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { fieldErrorsFrom } from './validation';

class Address {
  @IsString() postcode!: string;
}
class Body {
  @IsInt() count!: number;
  @ValidateNested({ each: true }) @Type(() => Address) addresses!: Address[];
}

describe('fieldErrorsFrom', () => {
  it('names nested and indexed fields', () => {
    const body = plainToInstance(Body, { count: 'x', addresses: [{ postcode: 'A' }, { postcode: 7 }] });
    const errors = fieldErrorsFrom(validateSync(body));
    expect(errors).toEqual([
      { field: 'count', reason: 'must be an integer number' },
      { field: 'addresses[1].postcode', reason: 'must be a string' },
    ]);
  });
});
