/**
 * The symbolic check kinds on real claims of the paper (paperClaims.ts): for each kind a true
 * statement passes and a wrong variant fails. One test process for all suites (each process pays
 * the mathjs import once).
 */
import { after } from 'node:test';
import { shutdownAlgebrite } from '../../../src/theory/casEngine.ts';
import './identity.suite.ts';
import './lyapunov.suite.ts';
import './momentSystem.suite.ts';
import './expansion.suite.ts';
import './limit.suite.ts';
import './substitution.suite.ts';
import './registry.suite.ts';

after(shutdownAlgebrite);
