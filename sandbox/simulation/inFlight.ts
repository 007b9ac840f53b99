// Requests a server is still answering. The demo only moves its clock while nothing is in flight, so no signed
// request or token can straddle a jump of the clock.
import type { Server } from 'node:http';

export interface InFlight {
  readonly count: number;
}

export function trackInFlight(server: Server): InFlight {
  let count = 0;
  server.prependListener('request', (_req, res) => {
    count++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      count--;
    };
    res.once('finish', finish);
    res.once('close', finish);
  });
  return {
    get count() {
      return count;
    },
  };
}
