import { describe, expect, it } from 'vitest';
import { emailDomainTypeOf, seniorityOf } from './profile.ts';

describe('seniorityOf (from free-text titles)', () => {
  it.each([
    ['CEO', 'executive'],
    ['Chief Revenue Officer', 'executive'],
    ['Co-Founder', 'executive'],
    ['Founder & CEO', 'executive'],
    ['President', 'executive'],
    ['Owner', 'executive'],
    ['VP Marketing', 'vp'],
    ['SVP, Sales', 'vp'],
    ['EVP Operations', 'vp'],
    ['Vice President of Sales', 'vp'],
    ['Vice-President, Finance', 'vp'],
    ['Executive Vice President', 'vp'],
    ['Director of IT', 'director'],
    ['Head of Growth', 'director'],
    ['Managing Director', 'director'],
    ['Marketing Manager', 'manager'],
    ['Team Lead', 'manager'],
    ['Support Supervisor', 'manager'],
    ['Software Engineer', 'individual'],
    ['Account Executive', 'individual'],
    ['Marketing Intern', 'student'],
    ['PhD Student', 'student'],
    ['Graduate Trainee', 'student'],
    ['vp of engineering', 'vp'],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
  ])('%j → %s', (title, seniority) => {
    expect(seniorityOf(title)).toBe(seniority);
  });
});

describe('emailDomainTypeOf', () => {
  it.each([
    ['ana@gmail.com', 'free'],
    ['ANA@GMAIL.COM', 'free'],
    ['x@yahoo.co.uk', 'free'],
    ['x@hotmail.fr', 'free'],
    ['x@outlook.com', 'free'],
    ['x@proton.me', 'free'],
    ['x@gmx.de', 'free'],
    ['x@mit.edu', 'education'],
    ['x@cs.stanford.edu', 'education'],
    ['x@ox.ac.uk', 'education'],
    ['x@unimelb.edu.au', 'education'],
    ['x@acme.io', 'corporate'],
    ['x@education.com', 'corporate'],
    ['x@edu.acme.com', 'corporate'],
    [null, null],
    [undefined, null],
    ['', null],
    ['not-an-email', null],
    ['x@', null],
  ])('%j → %s', (email, type) => {
    expect(emailDomainTypeOf(email)).toBe(type);
  });
});
