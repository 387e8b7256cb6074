import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it.each([
    ['short', 'kurz-1234ab'],
    ['in the list', 'qwerty123456'],
    ['a common word decorated', 'Password123!'],
    ['leetspeak of a common word', 'P@ssw0rd2024!!'],
    ['a German common word decorated', 'Sommer2024!!!'],
    ['a repeated common word', 'dragondragon'],
    ['a digit run', '123456789012'],
    ['an alphabet run with digits', 'abc123456789'],
    ['one character repeated', 'aaaaaaaaaaaaaaaa'],
    ['too few characters', 'abababababab'],
  ])('refuses %s (%s)', (_, password) => {
    expect(passwordProblems(password)).not.toEqual([]);
  });

  it.each([
    ['a passphrase', 'Fahrrad Kaffeetasse Morgenrot'],
    ['random characters', 'x7#Lq9!vR2@m'],
    [
      'a 64-character passphrase',
      'lange Sätze aus Wörtern sind leichter zu merken als Sonderzeichen',
    ],
    ['unicode', 'Ünïcödé-Wörter-sind-erlaubt'],
  ])('accepts %s', (_, password) => {
    expect(passwordProblems(password)).toEqual([]);
  });

  it('refuses a password that contains the email address', () => {
    expect(
      passwordProblems('erika.musterfrau-2026', { email: 'Erika.Musterfrau@example.de' }),
    ).toEqual(['password must not contain your email address']);
  });

  it('counts characters, not UTF-16 units, for the minimum', () => {
    expect(passwordProblems('😀😀😀😀😀😀😀😀😀😀😀')).toEqual([
      'password must be at least 12 characters long',
    ]);
  });

  it('refuses more than 256 characters', () => {
    expect(passwordProblems('Lotse '.repeat(43) + 'x')).toEqual([
      'password must be at most 256 characters long',
    ]);
  });
});
