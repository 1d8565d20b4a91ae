// A js-libp2p peer for Cairn's interop tests (JsInteropIntegrationTest).
//
//   node peer.mjs listen [--no-inline-muxer]          prints "LISTEN <multiaddr>", serves
//                                                      /ipfs/ping/1.0.0 and /cairn/echo/1.0.0
//                                                      until stdin closes
//   node peer.mjs dial <multiaddr> [--no-inline-muxer] [--size N]
//                                                      pings, echoes N random bytes (5 MiB),
//                                                      prints "PING <ms>", "ECHO <n> <sha256>
//                                                      <sha256>", "OK", exits 0 (1 on error)
//
// --no-inline-muxer makes js offer no stream muxer in its Noise payload (an empty extensions
// message); yamux is then negotiated with multistream-select unless the remote offers one.

// js-libp2p 3.x calls Promise.withResolvers, which Node 20 lacks.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers () {
    let resolve, reject
    const promise = new Promise((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}

const { createLibp2p } = await import('libp2p')
const { tcp } = await import('@libp2p/tcp')
const { noise } = await import('@chainsafe/libp2p-noise')
const { yamux } = await import('@chainsafe/libp2p-yamux')
const { ping } = await import('@libp2p/ping')
const { multiaddr } = await import('@multiformats/multiaddr')
const { createHash, randomBytes } = await import('node:crypto')

const ECHO = '/cairn/echo/1.0.0'
const args = process.argv.slice(2)
const mode = args[0]
const noInline = args.includes('--no-inline-muxer')
const sizeIdx = args.indexOf('--size')
const size = sizeIdx >= 0 ? Number(args[sizeIdx + 1]) : 5 * 1024 * 1024

const node = await createLibp2p({
  addresses: { listen: mode === 'listen' ? ['/ip4/127.0.0.1/tcp/0'] : [] },
  transports: [tcp()],
  connectionEncrypters: [noise(noInline ? { extensions: { streamMuxers: [] } } : {})],
  streamMuxers: [yamux()],
  services: { ping: ping() }
})

async function sendAll (stream, data) {
  const chunk = 64 * 1024
  for (let off = 0; off < data.length; off += chunk) {
    if (!stream.send(data.subarray(off, Math.min(off + chunk, data.length)))) {
      await stream.onDrain()
    }
  }
}

await node.handle(ECHO, async (stream) => {
  try {
    for await (const buf of stream) {
      if (!stream.send(buf)) {
        await stream.onDrain()
      }
    }
    await stream.close()
  } catch (err) {
    console.error('echo handler failed:', err)
    stream.abort(err)
  }
})

if (mode === 'listen') {
  const addr = node.getMultiaddrs().find(a => a.toString().includes('/tcp/'))
  console.log(`LISTEN ${addr.toString()}`)
  process.stdin.resume()
  process.stdin.on('end', async () => {
    await node.stop()
    process.exit(0)
  })
} else if (mode === 'dial') {
  try {
    const target = multiaddr(args[1])
    const rtt = await node.services.ping.ping(target)
    console.log(`PING ${rtt}`)
    const data = randomBytes(size)
    const stream = await node.dialProtocol(target, ECHO)
    const reading = (async () => {
      const hash = createHash('sha256')
      let n = 0
      for await (const buf of stream) {
        const bytes = buf.subarray()
        hash.update(bytes)
        n += bytes.length
      }
      return { n, sha: hash.digest('hex') }
    })()
    await sendAll(stream, data)
    await stream.close()
    const got = await reading
    const sent = createHash('sha256').update(data).digest('hex')
    console.log(`ECHO ${got.n} ${sent} ${got.sha}`)
    if (got.n !== size || got.sha !== sent) {
      throw new Error('echo differs')
    }
    const rtt2 = await node.services.ping.ping(target)
    console.log(`PING ${rtt2}`)
    console.log('OK')
    await node.stop()
    process.exit(0)
  } catch (err) {
    console.log(`ERROR ${err?.stack ?? err}`)
    await node.stop()
    process.exit(1)
  }
} else {
  console.error('usage: node peer.mjs listen|dial <multiaddr> [--no-inline-muxer]')
  process.exit(2)
}
