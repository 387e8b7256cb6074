import { openSuccessor, sealSuccessor } from './refresh-successor';

describe('sealed refresh successor', () => {
  it('opens with the rotated token and with nothing else', () => {
    const sealed = sealSuccessor('rotated-token', 'successor-token');
    expect(openSuccessor('rotated-token', sealed)).toBe('successor-token');
    expect(openSuccessor('another-token', sealed)).toBeUndefined();
    expect(sealed.toString('latin1')).not.toContain('successor-token');
  });

  it('refuses a damaged box', () => {
    const sealed = sealSuccessor('rotated-token', 'successor-token');
    sealed[sealed.length - 1] ^= 1;
    expect(openSuccessor('rotated-token', sealed)).toBeUndefined();
    expect(openSuccessor('rotated-token', Buffer.alloc(8))).toBeUndefined();
  });
});
