import { Allowlist, guardedLookup, isForbiddenAddress, urlProblem } from './address-guard';

/** What the connect-time lookup answers for `host`: the error code, or the addresses. */
function connectLookup(list: Allowlist, host: string, all: boolean): Promise<string | string[]> {
  return new Promise((resolve) => {
    guardedLookup(list, host)(host, { all }, (err, address) => {
      if (err) return resolve(err.code ?? err.message);
      resolve(Array.isArray(address) ? address.map((a) => a.address) : [address]);
    });
  });
}

describe('address guard (SSRF)', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(isForbiddenAddress(address)).toBe(false);
    },
  );

  it('allows only https, without credentials, and no internal literal address', () => {
    const none = new Allowlist([]);
    expect(urlProblem('https://hooks.example.org/x', none)).toBeNull();
    expect(urlProblem('http://hooks.example.org/x', none)).toMatch(/https/);
    expect(urlProblem('ftp://hooks.example.org/x', none)).toMatch(/https/);
    expect(urlProblem('https://user:pw@hooks.example.org/', none)).toMatch(/credentials/);
    expect(urlProblem('https://127.0.0.1/', none)).toMatch(/internal/);
    expect(urlProblem('https://[::1]/', none)).toMatch(/internal/);
    expect(urlProblem('https://10.1.2.3/', none)).toMatch(/internal/);
    expect(urlProblem('https://169.254.169.254/latest/meta-data/', none)).toMatch(/internal/);
    expect(urlProblem('not a url', none)).toMatch(/not a URL/);
  });

  it('lets the allowlist admit internal receivers by name, address or range, also over http', () => {
    const list = new Allowlist(['127.0.0.1', 'receiver.intern', '10.20.0.0/16', '[::1]']);
    expect(urlProblem('http://127.0.0.1:8080/hook', list)).toBeNull();
    expect(urlProblem('http://receiver.intern/hook', list)).toBeNull();
    expect(urlProblem('https://10.20.3.4/hook', list)).toBeNull();
    expect(urlProblem('https://[::1]/hook', list)).toBeNull();
    expect(urlProblem('https://10.21.0.1/hook', list)).toMatch(/internal/);
    expect(urlProblem('http://127.0.0.2/hook', list)).toMatch(/https/);
  });

  it('refuses at connect time a name that resolves to an internal address, unless allowlisted', async () => {
    for (const all of [false, true]) {
      expect(await connectLookup(new Allowlist([]), 'localhost', all)).toBe('EADDRREFUSED');
      const allowed = await connectLookup(new Allowlist(['localhost']), 'localhost', all);
      expect(Array.isArray(allowed) && allowed.length > 0).toBe(true);
    }
    const byRange = await connectLookup(new Allowlist(['127.0.0.0/8', '::1']), 'localhost', true);
    expect(Array.isArray(byRange)).toBe(true);
  });
});
