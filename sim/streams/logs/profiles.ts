/**
 * What the simulated containers print. A profile is picked per container from its image (nginx
 * prints access logs, postgres prints postgres logs, …) or, for unknown images, from a hash of
 * its name, so a cluster shows the usual mix: plain access logs, JSON structured lines,
 * ANSI-coloured dev-server output, Java and Python stack traces.
 */
import type { Rng } from '../random';
import { hash32 } from '../random';

/** Where and when a line is printed. */
export interface LineContext {
  /** Epoch ms of the line. */
  ms: number;
  pod: string;
  container: string;
}

export interface LogProfile {
  name: string;
  /** Mean ordinary entries per second. */
  rate: number;
  /** Lines printed right after the process starts. */
  startup(r: Rng, c: LineContext): string[];
  /** One log entry; several lines for stack traces. */
  entry(r: Rng, c: LineContext): string[];
  /** The last words of an instance that exited with a failure. */
  fatal(r: Rng, c: LineContext): string[];
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const iso = (ms: number): string => new Date(ms).toISOString();
const dateTime = (ms: number, sep: string): string => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${sep}${pad(d.getUTCMilliseconds(), 3)}`;
};
const clf = (ms: number): string => {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
};

const PATHS = ['/', '/api/products', '/api/products/1042', '/api/cart', '/api/cart/items', '/api/checkout', '/healthz', '/static/js/main.4f1c9a.js', '/static/css/app.css', '/api/users/me', '/api/search?q=boots', '/favicon.ico', '/metrics', '/api/orders?page=2'];
const AGENTS = ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 'kube-probe/1.32', 'Prometheus/2.53.0', 'curl/8.5.0', 'Go-http-client/1.1'];
const METHODS = ['GET', 'GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];
const STATUSES = [200, 200, 200, 200, 200, 200, 201, 204, 301, 304, 400, 404, 500, 503];
const ip = (r: Rng): string => `10.244.${r.int(0, 3)}.${r.int(2, 254)}`;

const nginx: LogProfile = {
  name: 'nginx',
  rate: 2.2,
  startup: (_r, c) => [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${dateTime(c.ms, '').slice(0, 19).replace(/-/g, '/')} [notice] 1#1: nginx/1.27.3`,
    `${dateTime(c.ms, '').slice(0, 19).replace(/-/g, '/')} [notice] 1#1: start worker processes`,
  ],
  entry: (r, c) => {
    if (r.chance(0.02)) {
      return [`${dateTime(c.ms, '').slice(0, 19).replace(/-/g, '/')} [error] 29#29: *${r.int(100, 99999)} upstream timed out (110: Connection timed out) while reading response header from upstream, client: ${ip(r)}, server: _, request: "GET ${r.pick(PATHS)} HTTP/1.1", upstream: "http://10.96.${r.int(0, 255)}.${r.int(1, 254)}:8080/", host: "shop.example.com"`];
    }
    const status = r.pick(STATUSES);
    return [`${ip(r)} - - [${clf(c.ms)}] "${r.pick(METHODS)} ${r.pick(PATHS)} HTTP/1.1" ${status} ${status === 204 || status === 304 ? 0 : r.int(120, 48000)} "-" "${r.pick(AGENTS)}" ${(r.next() * 0.4).toFixed(3)}`];
  },
  fatal: (_r, c) => [`${dateTime(c.ms, '').slice(0, 19).replace(/-/g, '/')} [emerg] 1#1: host not found in upstream "backend:8080" in /etc/nginx/conf.d/default.conf:14`, 'nginx: [emerg] host not found in upstream "backend:8080" in /etc/nginx/conf.d/default.conf:14'],
};

const MESSAGES = ['request completed', 'cache hit', 'cache miss', 'order created', 'payment authorized', 'inventory reserved', 'session refreshed', 'published event', 'db query slow', 'retrying upstream call', 'connection pool resized'];
const json: LogProfile = {
  name: 'json',
  rate: 1.6,
  startup: (_r, c) => [
    JSON.stringify({ level: 'info', ts: iso(c.ms), caller: 'cmd/main.go:41', msg: 'starting server', version: 'v1.14.2', addr: ':8080' }),
    JSON.stringify({ level: 'info', ts: iso(c.ms), caller: 'internal/db/pool.go:57', msg: 'connected to database', host: 'postgres.shop.svc.cluster.local', maxConns: 20 }),
  ],
  entry: (r, c) => {
    const roll = r.next();
    const level = roll < 0.03 ? 'error' : roll < 0.1 ? 'warn' : roll < 0.25 ? 'debug' : 'info';
    const line: Record<string, unknown> = { level, ts: iso(c.ms), caller: `server/${r.pick(['handler', 'cart', 'orders', 'auth'])}.go:${r.int(20, 400)}`, msg: r.pick(MESSAGES) };
    if (level === 'error') Object.assign(line, { msg: 'upstream call failed', error: r.pick(['context deadline exceeded', 'connection reset by peer', 'pq: deadlock detected', 'EOF']), attempt: r.int(1, 3) });
    else Object.assign(line, { method: r.pick(METHODS), path: r.pick(PATHS), status: r.pick(STATUSES), duration_ms: Number((r.next() * 180).toFixed(2)), request_id: r.hex(16) });
    return [JSON.stringify(line)];
  },
  fatal: (_r, c) => [JSON.stringify({ level: 'fatal', ts: iso(c.ms), caller: 'cmd/main.go:66', msg: 'cannot start', error: 'dial tcp 10.96.14.22:5432: connect: connection refused' }), 'exit status 1'],
};

const JAVA_CLASSES = ['c.e.shop.orders.OrderController', 'c.e.shop.cart.CartService', 'o.s.web.servlet.DispatcherServlet', 'c.e.shop.payment.PaymentClient', 'o.h.engine.jdbc.spi.SqlExceptionHelper'];
const javaLine = (ms: number, level: string, thread: string, cls: string, msg: string): string => `${iso(ms)} ${level.padStart(5)} 1 --- [${thread.padStart(15)}] ${cls.padEnd(40)} : ${msg}`;
const javaTrace = (r: Rng): string[] => [
  `java.lang.IllegalStateException: Order ${r.int(1000, 99999)} is already ${r.pick(['shipped', 'cancelled', 'paid'])}`,
  '\tat com.example.shop.orders.OrderService.cancel(OrderService.java:142)',
  '\tat com.example.shop.orders.OrderController.cancel(OrderController.java:88)',
  '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
  '\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)',
  '\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)',
  '\tat org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:61)',
  '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
];
const java: LogProfile = {
  name: 'java',
  rate: 1.1,
  startup: (_r, c) => [
    '',
    '  .   ____          _            __ _ _',
    " /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\",
    "( ( )\\___ | '_ | '_| | '_ \\/ _` | \\ \\ \\ \\",
    " \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )",
    "  '  |____| .__|_| |_|_| |_\\__, | / / / /",
    ' =========|_|==============|___/=/_/_/_/',
    '',
    ' :: Spring Boot ::                (v3.3.5)',
    '',
    javaLine(c.ms, 'INFO', 'main', 'c.e.shop.OrdersApplication', `Starting OrdersApplication v2.8.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`),
    javaLine(c.ms, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
  ],
  entry: (r, c) => {
    const thread = `nio-8080-exec-${r.int(1, 10)}`;
    if (r.chance(0.04)) return [javaLine(c.ms, 'ERROR', thread, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] threw exception'), ...javaTrace(r)];
    if (r.chance(0.08)) return [javaLine(c.ms, 'WARN', thread, r.pick(JAVA_CLASSES), `Slow query detected: ${r.int(500, 4000)} ms`)];
    return [javaLine(c.ms, 'INFO', thread, r.pick(JAVA_CLASSES), `${r.pick(['Created order', 'Fetched cart', 'Completed payment for order', 'Sent confirmation mail for order'])} ${r.int(1000, 99999)}`)];
  },
  fatal: (r, c) => [javaLine(c.ms, 'ERROR', 'main', 'o.s.boot.SpringApplication', 'Application run failed'), 'org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'dataSource\'', ...javaTrace(r).slice(1, 4), 'Caused by: java.net.ConnectException: Connection refused'],
};

const python: LogProfile = {
  name: 'python',
  rate: 0.9,
  startup: (_r, c) => [`[${dateTime(c.ms, ',')}] INFO in worker: celery@${c.pod} ready.`, `[${dateTime(c.ms, ',')}] INFO in worker: Connected to redis://redis:6379/0`],
  entry: (r, c) => {
    if (r.chance(0.05)) {
      const key = r.pick(['sku', 'customer_id', 'currency']);
      return [
        `[${dateTime(c.ms, ',')}] ERROR in tasks: Task tasks.sync_inventory[${r.hex(8)}-${r.hex(4)}] raised unexpected: KeyError('${key}')`,
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.12/site-packages/celery/app/trace.py", line 453, in trace_task',
        '    R = retval = fun(*args, **kwargs)',
        '  File "/app/tasks.py", line 88, in sync_inventory',
        `    item = payload["${key}"]`,
        `KeyError: '${key}'`,
      ];
    }
    return [`[${dateTime(c.ms, ',')}] ${r.chance(0.1) ? 'WARNING' : 'INFO'} in tasks: Task tasks.${r.pick(['sync_inventory', 'send_email', 'resize_image', 'recalc_prices'])}[${r.hex(8)}] succeeded in ${(r.next() * 3).toFixed(3)}s`];
  },
  fatal: (_r, c) => [`[${dateTime(c.ms, ',')}] CRITICAL in worker: Unrecoverable error: ConnectionError('Error 111 connecting to redis:6379. Connection refused.')`],
};

const ESC = '\x1b[';
const colourLevel = (level: string): string => `${ESC}${level === 'error' ? 31 : level === 'warn' ? 33 : level === 'debug' ? 90 : 32}m${level}${ESC}39m`;
const ansi: LogProfile = {
  name: 'ansi',
  rate: 1.3,
  startup: (_r, c) => [`${ESC}1m${ESC}36m> storefront@3.2.0 start${ESC}0m`, `${ESC}32m✔${ESC}39m Server listening on ${ESC}4mhttp://0.0.0.0:3000${ESC}24m (${c.container})`],
  entry: (r, c) => {
    const roll = r.next();
    const level = roll < 0.04 ? 'error' : roll < 0.12 ? 'warn' : roll < 0.3 ? 'debug' : 'info';
    const time = `${ESC}90m${iso(c.ms).slice(11, 23)}${ESC}39m`;
    if (level === 'error') {
      return [`${time} ${colourLevel(level)}: TypeError: Cannot read properties of undefined (reading 'price')`, '    at renderCart (/app/dist/server/cart.js:42:31)', '    at async handler (/app/dist/server/routes.js:118:7)'];
    }
    return [`${time} ${colourLevel(level)}: ${r.pick(METHODS)} ${r.pick(PATHS)} ${ESC}${r.chance(0.9) ? 32 : 31}m${r.pick(STATUSES)}${ESC}39m ${r.int(1, 300)}ms`];
  },
  fatal: (_r, c) => [`${ESC}90m${iso(c.ms).slice(11, 23)}${ESC}39m ${colourLevel('error')}: Error: listen EADDRINUSE: address already in use :::3000`],
};

const postgres: LogProfile = {
  name: 'postgres',
  rate: 0.35,
  startup: (_r, c) => [
    'PostgreSQL Database directory appears to contain a database; Skipping initialization',
    `${dateTime(c.ms, '.')} UTC [1] LOG:  starting PostgreSQL 16.6 on x86_64-pc-linux-gnu`,
    `${dateTime(c.ms, '.')} UTC [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${dateTime(c.ms, '.')} UTC [1] LOG:  database system is ready to accept connections`,
  ],
  entry: (r, c) => {
    const pid = r.int(30, 900);
    if (r.chance(0.1)) return [`${dateTime(c.ms, '.')} UTC [${pid}] ERROR:  duplicate key value violates unique constraint "orders_pkey"`, `${dateTime(c.ms, '.')} UTC [${pid}] DETAIL:  Key (id)=(${r.int(1000, 99999)}) already exists.`, `${dateTime(c.ms, '.')} UTC [${pid}] STATEMENT:  INSERT INTO orders (id, customer_id, total) VALUES ($1, $2, $3)`];
    if (r.chance(0.3)) return [`${dateTime(c.ms, '.')} UTC [${pid}] LOG:  checkpoint complete: wrote ${r.int(3, 900)} buffers (${(r.next() * 5).toFixed(1)}%); 0 WAL file(s) added, 0 removed, 1 recycled; write=${(r.next() * 30).toFixed(3)} s`];
    return [`${dateTime(c.ms, '.')} UTC [${pid}] LOG:  duration: ${(r.next() * 900).toFixed(3)} ms  statement: SELECT * FROM products WHERE category_id = ${r.int(1, 40)}`];
  },
  fatal: (_r, c) => [`${dateTime(c.ms, '.')} UTC [1] FATAL:  data directory "/var/lib/postgresql/data" has invalid permissions`],
};

const BY_IMAGE: Array<[RegExp, LogProfile]> = [
  [/nginx|ingress|envoy|haproxy|traefik/, nginx],
  [/postgres|mysql|mariadb/, postgres],
  [/java|spring|jdk|jre|kafka|tomcat|orders/, java],
  [/python|celery|django|flask|worker/, python],
  [/node|next|storefront|frontend|react/, ansi],
];
const FALLBACK = [json, json, ansi, python, java];

/** The profile a container prints with: from its image, else a stable pick by name. */
export function profileFor(image: string, podName: string, containerName: string): LogProfile {
  const match = BY_IMAGE.find(([pattern]) => pattern.test(image.toLowerCase()));
  if (match) return match[1];
  return FALLBACK[hash32(`${podName.replace(/-[a-z0-9]{5,10}(-[a-z0-9]{5})?$/, '')}/${containerName}`) % FALLBACK.length];
}

/** Lines of a burst (a flood of warnings or a batch progress dump), all in one second. */
export function burstLines(r: Rng, c: LineContext, count: number): string[] {
  const kind = r.int(0, 2);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    if (kind === 0) lines.push(JSON.stringify({ level: 'warn', ts: iso(c.ms), msg: 'rate limited', client: ip(r), bucket: 'api', remaining: 0 }));
    else if (kind === 1) lines.push(`processed batch ${i + 1}/${count} (${r.int(100, 5000)} records)`);
    else lines.push(`W${iso(c.ms).slice(5, 10).replace('-', '')} ${iso(c.ms).slice(11, 23)} ${r.int(1, 99)} reflector.go:${r.int(100, 600)}] watch of *v1.ConfigMap ended with: an error on the server ("unable to decode an event from the watch stream") has prevented the request from succeeding`);
  }
  return lines;
}
