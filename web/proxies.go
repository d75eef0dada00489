package web

import (
	"net"
	"net/netip"
	"strings"
	"sync/atomic"

	"github.com/gin-gonic/gin"
)

// The client address (rate limits, login limits, a survey's stored IPs)
// is the TCP peer, or X-Forwarded-For when the peer is one of
// Config.TrustedProxies. Behind a load balancer that is not listed, every
// request has the balancer's address: everyone shares one rate-limit
// bucket, and a few wrong passwords lock a user out for everyone. That is
// easy to miss, so the first request that carries X-Forwarded-For from a
// peer that is not trusted logs one warning. The peer's address is named
// only when it is private or loopback (a proxy's, not a respondent's: log
// lines carry no client address), and the header's value never is.
type proxyCheck struct {
	trusted []netip.Prefix
	warned  atomic.Bool
}

func newProxyCheck(cidrs []string) *proxyCheck {
	p := &proxyCheck{}
	for _, s := range cidrs {
		s = strings.TrimSpace(s)
		if pre, err := netip.ParsePrefix(s); err == nil {
			p.trusted = append(p.trusted, pre.Masked())
		} else if a, err := netip.ParseAddr(s); err == nil {
			p.trusted = append(p.trusted, netip.PrefixFrom(a, a.BitLen()))
		}
	}
	return p
}

func (p *proxyCheck) isTrusted(a netip.Addr) bool {
	for _, pre := range p.trusted {
		if pre.Contains(a.Unmap()) {
			return true
		}
	}
	return false
}

// warnUntrustedForwarded is the middleware that logs the warning, once.
func (s *Server) warnUntrustedForwarded(c *gin.Context) {
	if !s.proxies.warned.Load() && len(c.Request.Header["X-Forwarded-For"]) > 0 {
		host, _, _ := net.SplitHostPort(c.Request.RemoteAddr)
		if a, err := netip.ParseAddr(host); err == nil && !s.proxies.isTrusted(a) && s.proxies.warned.CompareAndSwap(false, true) {
			peer := "a public address"
			if a = a.Unmap(); a.IsPrivate() || a.IsLoopback() {
				peer = a.String()
			}
			s.log.Warn("a request carries X-Forwarded-For from a peer that is not in --trusted-proxies, so the header is ignored: "+
				"if this server is behind a load balancer or reverse proxy, every client shares its address (one rate-limit bucket, one login limit); "+
				"start it with --trusted-proxies ADDR (docs/deployment.md). Logged once.", "peer", peer)
		}
	}
	c.Next()
}
