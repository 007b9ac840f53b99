// Requests a server is still answering. The demo only moves its clock while nothing is in flight, so no signed
// request or token can straddle a jump of the clock. Long polls that are held open by design (CometD's
// /meta/connect) are left out with `counts`.
import type { IncomingMessage, Server } from 'node:http';

export interface InFlight {
  readonly count: number;
}

export function trackInFlight(
  server: Server,
  counts: (req: IncomingMessage) => boolean = () => true,
): InFlight {
  let count = 0;
  server.prependListener('request', (req, res) => {
    if (!counts(req)) return;
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
