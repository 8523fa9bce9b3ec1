/**
 * Entry for the decide bench as a bundle: run.ts builds this with rolldown (minified, as vite
 * builds the extension) and runs it in a fresh Node, which prints the result as JSON.
 */
import { decideBench } from './decide'

process.stdout.write(JSON.stringify(decideBench()))
