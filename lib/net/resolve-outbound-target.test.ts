import { describe, expect, it } from "vitest";
import { OutboundRequestError } from "./outbound-request-error";
import { resolveOutboundTarget, type ResolveHost } from "./resolve-outbound-target";

/** The DNS of the outside world, played by the test: every name resolves to `addresses`. */
const dnsAnswering = (...addresses: string[]): ResolveHost => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

async function refusal(url: string, options: { allowedPrivateHosts?: string[]; resolve?: ResolveHost } = {}) {
  const error = await resolveOutboundTarget(url, { allowedPrivateHosts: options.allowedPrivateHosts ?? [], resolve: options.resolve }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, url).toBeInstanceOf(OutboundRequestError);
  expect((error as OutboundRequestError).reason, url).toBe("refused");
  return (error as OutboundRequestError).message;
}

describe("SSRF guard: resolveOutboundTarget", () => {
  it.each([
    ["http://127.0.0.1/hook", "127.0.0.1 is a loopback address"],
    ["http://127.8.9.10:8080/hook", "127.8.9.10 is a loopback address"],
    ["http://2130706433/hook", "127.0.0.1 is a loopback address"], // decimal form of 127.0.0.1
    ["http://0x7f.1/hook", "127.0.0.1 is a loopback address"],
    ["http://10.1.2.3/hook", "10.1.2.3 is a private address"],
    ["http://172.16.0.1/hook", "172.16.0.1 is a private address"],
    ["http://172.31.255.254/hook", "172.31.255.254 is a private address"],
    ["http://192.168.1.10/hook", "192.168.1.10 is a private address"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"],
    ["http://100.64.0.1/hook", "100.64.0.1 is a shared (CGNAT) address"],
    ["http://0.0.0.0/hook", "0.0.0.0 is an unspecified address"],
    ["http://224.0.0.1/hook", "224.0.0.1 is a multicast address"],
    ["http://[::1]/hook", "::1 is a loopback address"],
    ["http://[::]/hook", ":: is an unspecified address"],
    ["http://[::ffff:127.0.0.1]/hook", "::ffff:7f00:1 is mapped to 127.0.0.1, a loopback address"],
    ["http://[::ffff:a9fe:a9fe]/hook", "::ffff:a9fe:a9fe is mapped to 169.254.169.254, a link-local address"],
    ["http://[64:ff9b::a00:1]/hook", "64:ff9b::a00:1 is mapped to 10.0.0.1, a private address"],
    ["http://[fd12:3456::1]/hook", "fd12:3456::1 is a private address"],
    ["http://[fe80::1]/hook", "fe80::1 is a link-local address"],
    ["http://[ff02::1]/hook", "ff02::1 is a multicast address"],
  ])("refuses %s", async (url, reason) => {
    expect(await refusal(url)).toBe(`${reason}; such hosts are not allowed`);
  });

  it("refuses a hostname that resolves to loopback (the system resolver's localhost)", async () => {
    expect(await refusal("http://localhost:3000/hook")).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/);
  });

  it("refuses a hostname whose DNS answer contains any internal address", async () => {
    expect(await refusal("https://merchant.example/hook", { resolve: dnsAnswering("127.0.0.1") })).toBe(
      "merchant.example resolves to 127.0.0.1, which is a loopback address; such hosts are not allowed",
    );
    expect(await refusal("https://merchant.example/hook", { resolve: dnsAnswering("93.184.216.34", "10.0.0.7") })).toContain("10.0.0.7, which is a private address");
  });

  it.each(["ftp://merchant.example/hook", "file:///etc/passwd", "gopher://127.0.0.1:25/", "javascript:alert(1)", "data:text/plain,hi", "not a url"])(
    "refuses %s before any DNS lookup",
    async (url) => {
      let lookups = 0;
      const message = await refusal(url, {
        resolve: async () => {
          lookups += 1;
          return [{ address: "93.184.216.34", family: 4 }];
        },
      });
      expect(message).toMatch(/use http or https|not valid/);
      expect(lookups).toBe(0);
    },
  );

  it("returns the checked addresses of a public host", async () => {
    const target = await resolveOutboundTarget("https://Merchant.Example./hooks?x=1", { allowedPrivateHosts: [], resolve: dnsAnswering("93.184.216.34", "2606:2800:220:1::1") });
    expect(target.url.href).toBe("https://merchant.example./hooks?x=1");
    expect(target.addresses.map((a) => a.address)).toEqual(["93.184.216.34", "2606:2800:220:1::1"]);
    expect((await resolveOutboundTarget("http://8.8.8.8/", { allowedPrivateHosts: [] })).addresses).toEqual([{ address: "8.8.8.8", family: 4 }]);
  });

  it("permits internal hosts named by callbacks.allowed_private_hosts: hostname, address or CIDR", async () => {
    await expect(resolveOutboundTarget("http://localhost:3000/hook", { allowedPrivateHosts: ["LOCALHOST"] })).resolves.toBeTruthy();
    await expect(resolveOutboundTarget("http://127.0.0.1:3000/hook", { allowedPrivateHosts: ["127.0.0.1"] })).resolves.toBeTruthy();
    await expect(resolveOutboundTarget("http://[::1]:3000/hook", { allowedPrivateHosts: ["::1"] })).resolves.toBeTruthy();
    await expect(resolveOutboundTarget("http://10.20.30.40/hook", { allowedPrivateHosts: ["10.20.0.0/16"] })).resolves.toBeTruthy();
    await expect(resolveOutboundTarget("http://hooks.internal/x", { allowedPrivateHosts: ["hooks.internal"], resolve: dnsAnswering("10.0.0.5") })).resolves.toBeTruthy();
    // An entry permits only what it names.
    expect(await refusal("http://10.21.0.1/hook", { allowedPrivateHosts: ["10.20.0.0/16", "127.0.0.1"] })).toContain("private address");
    expect(await refusal("http://127.0.0.2/hook", { allowedPrivateHosts: ["127.0.0.1", "10.0.0.0/99", "garbage/8"] })).toContain("loopback address");
  });

  it("reports an unresolvable host as a network failure, not a refusal", async () => {
    const error = await resolveOutboundTarget("http://merchant.example/", {
      allowedPrivateHosts: [],
      resolve: async () => {
        throw Object.assign(new Error("getaddrinfo ENOTFOUND merchant.example"), { code: "ENOTFOUND" });
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboundRequestError);
    expect(error).toMatchObject({ reason: "network", message: "merchant.example could not be resolved (ENOTFOUND)" });
  });
});
