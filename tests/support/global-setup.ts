/** Runs once before every suite: says which database backend the run uses (issue 2). */
export default function setup(): void {
  const backend = process.env.MONGODB_URI ? `MongoDB at MONGODB_URI` : 'embedded (mongodb-memory-server; emulator when no mongod)';
  console.log(`[tests] database backend: ${backend}`);
}
