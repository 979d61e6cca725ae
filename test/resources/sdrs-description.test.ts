import { describedAs, descriptionDrift, markedBy, ownerMarker, userTextIn } from '../../src/resources/sdrs/marker';
import { sdrsDescriptionSchema } from '../../src/resources/sdrs/spec-common';

const OWNER = 'stack/web';

describe('SDRS descriptions with the ownership marker', () => {
  it('sends the user text, a space and the marker, or the marker alone', () => {
    expect(describedAs('web tier', OWNER)).toBe(`web tier ${ownerMarker(OWNER)}`);
    expect(describedAs(null, OWNER)).toBe(ownerMarker(OWNER));
    expect(Buffer.byteLength(describedAs('x'.repeat(48), OWNER))).toBe(64);
  });

  it('reads the owner back with a user text in front, and the text without the marker', () => {
    const sent = describedAs('web tier', OWNER);
    expect(markedBy(sent, OWNER)).toBe(true);
    expect(markedBy(sent, 'stack/other')).toBe(false);
    expect(userTextIn(sent)).toBe('web tier');
    expect(userTextIn(ownerMarker(OWNER))).toBeNull();
  });

  it('reports a description that differs from the live one (create-time only)', () => {
    expect(descriptionDrift('web tier', describedAs('web tier', OWNER))).toBeUndefined();
    expect(descriptionDrift('new text', describedAs('web tier', OWNER))).toBe(
      'description is create-time only (SDRS cannot change it after create): the live one stays "web tier", the code asks for "new text"; to apply it, replace the object on purpose',
    );
  });

  it('accepts at most 48 bytes without < >', () => {
    expect(sdrsDescriptionSchema.parse(undefined)).toBeNull();
    expect(sdrsDescriptionSchema.safeParse('x'.repeat(49)).success).toBe(false);
    expect(sdrsDescriptionSchema.safeParse('a <b>').success).toBe(false);
    expect(sdrsDescriptionSchema.parse('é'.repeat(24))).toBe('é'.repeat(24));
  });
});
