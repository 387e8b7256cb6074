import { PageOf } from './page';

class ReferralSummaryDto {
  id: string;
}

// @nestjs/swagger keeps model properties under this key (MODEL_PROPERTIES).
const MODEL_PROPERTIES = 'swagger/apiModelProperties';

describe('PageOf', () => {
  it('names the page schema after its item and describes both members', () => {
    const Page = PageOf(ReferralSummaryDto);
    expect(Page.name).toBe('ReferralSummaryPage');
    const items = Reflect.getMetadata(MODEL_PROPERTIES, Page.prototype, 'items');
    expect(items).toMatchObject({ type: ReferralSummaryDto, isArray: true });
    const next = Reflect.getMetadata(MODEL_PROPERTIES, Page.prototype, 'nextCursor');
    expect(next).toMatchObject({ type: String, nullable: true });
  });

  it('returns the same class for the same item, so the schema exists once', () => {
    expect(PageOf(ReferralSummaryDto)).toBe(PageOf(ReferralSummaryDto));
  });
});
