// spdy-transport ships no types; this is the one module of it we use (the SPDY zlib dictionaries).
declare module 'spdy-transport/lib/spdy-transport/protocol/spdy/dictionary.js' {
  const dictionaries: Record<2 | 3, Buffer>;
  export default dictionaries;
}
