// Shared by pages that open a WebRTC connection to the server (aiortc has no trickle ICE: the offer is
// sent once gathering is complete).
function waitIce(pc) {
  if (pc.iceGatheringState === "complete") return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => { if (pc.iceGatheringState === "complete") { pc.removeEventListener("icegatheringstatechange", check); resolve(); } };
    pc.addEventListener("icegatheringstatechange", check);
    setTimeout(resolve, 2000);
  });
}
async function inboundAudioEnergy(pc) {
  if (!pc) return 0;
  let energy = 0;
  (await pc.getStats()).forEach((r) => { if (r.type === "inbound-rtp" && r.kind === "audio") energy = r.totalAudioEnergy || 0; });
  return energy;
}
// The page's RTCPeerConnection settings from the server's ICE config (STUN, TURN with short-lived
// credentials). `?relay=1` sends media through TURN only (to check a TURN server from a given network).
function rtcConfig(ice) {
  const relay = new URLSearchParams(location.search).get("relay") === "1";
  const config = { iceServers: (ice && ice.ice_servers) || [] };
  if (relay || (ice && ice.ice_transport_policy === "relay")) config.iceTransportPolicy = "relay";
  return config;
}
// The candidate types of the selected ICE pair ("host", "srflx", "relay"), for tests and support.
async function selectedPair(pc) {
  if (!pc) return null;
  const stats = await pc.getStats();
  let pair = null;
  stats.forEach((r) => { if (r.type === "transport" && r.selectedCandidatePairId) pair = stats.get(r.selectedCandidatePairId); });
  if (!pair) stats.forEach((r) => { if (r.type === "candidate-pair" && r.nominated && r.state === "succeeded") pair = r; });
  if (!pair) return null;
  const local = stats.get(pair.localCandidateId), remote = stats.get(pair.remoteCandidateId);
  // relayProtocol: how the browser reaches its TURN server (udp, tcp or tls), for a relayed pair
  return { local: local && local.candidateType, remote: remote && remote.candidateType,
           relayProtocol: (local && local.relayProtocol) || null };
}
