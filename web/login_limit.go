package web

import (
	"context"
	"math"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"
)

// Password guessing is slowed twice over, per process (a guesser spread
// over several processes gets a few more tries; sessions, not limits, must
// be shared):
//
//   - per address and e-mail: 5 tries, then one every 12 s, so one account
//     cannot be guessed at;
//   - per address: 30 tries, then one every 2 s, so a new e-mail per try
//     (which the first limit never sees twice) is throttled too. Before
//     this, 17 such tries a second cut survey throughput from 21k to 2.6k
//     requests/s, since every try runs bcrypt.
//
// And bcrypt itself runs through bcryptGate: at most one hash per two cores
// at a time with a short queue, so logins from many addresses cannot take
// the CPU the respondent pages need; a try that finds the queue full gets
// 429 at once.
const (
	loginPairEvery, loginPairBurst = 12 * time.Second, 5
	loginAddrEvery, loginAddrBurst = 2 * time.Second, 30
	maxLoginKeys                   = 50_000
	bcryptQueue                    = 8 // tries waiting for a bcrypt slot at most
)

type loginLimiter struct {
	mu   sync.Mutex
	pair map[string]*rate.Limiter // address|email
	addr map[string]*rate.Limiter // address
}

func newLoginLimiter() *loginLimiter {
	return &loginLimiter{pair: map[string]*rate.Limiter{}, addr: map[string]*rate.Limiter{}}
}

// allow takes a try for the address and for the address and account at
// now, or says how long to wait; a refused try spends no token.
func (l *loginLimiter) allow(addr, account string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	a := limiterFor(l.addr, addr, loginAddrEvery, loginAddrBurst)
	p := limiterFor(l.pair, addr+"|"+account, loginPairEvery, loginPairBurst)
	ra, rp := a.ReserveN(now, 1), p.ReserveN(now, 1)
	if wait := max(ra.DelayFrom(now), rp.DelayFrom(now)); wait > 0 {
		ra.CancelAt(now)
		rp.CancelAt(now)
		return false, wait
	}
	return true, 0
}

func limiterFor(m map[string]*rate.Limiter, key string, every time.Duration, burst int) *rate.Limiter {
	lim, ok := m[key]
	if !ok {
		if len(m) >= maxLoginKeys { // bounded memory under a spray of addresses or e-mails
			clear(m)
		}
		lim = rate.NewLimiter(rate.Every(every), burst)
		m[key] = lim
	}
	return lim
}

// bcryptGate bounds the CPU spent on bcrypt.
type bcryptGate struct {
	slots, admitted chan struct{}
}

// newBcryptGate runs n hashes at once, with up to queue more waiting.
func newBcryptGate(n, queue int) *bcryptGate {
	return &bcryptGate{slots: make(chan struct{}, n), admitted: make(chan struct{}, n+queue)}
}

func defaultBcryptGate() *bcryptGate {
	return newBcryptGate(max(1, runtime.GOMAXPROCS(0)/2), bcryptQueue)
}

// do runs f when a slot is free. It returns false without running f when
// the queue is full or ctx ends while waiting.
func (g *bcryptGate) do(ctx context.Context, f func()) bool {
	select {
	case g.admitted <- struct{}{}:
	default:
		return false
	}
	defer func() { <-g.admitted }()
	select {
	case g.slots <- struct{}{}:
	case <-ctx.Done():
		return false
	}
	defer func() { <-g.slots }()
	f()
	return true
}

// throttleLogin answers 429 on the login or setup page, keeping the form.
func (s *Server) throttleLogin(c *gin.Context, wait time.Duration, page string, form any) {
	c.Header("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
	switch f := form.(type) {
	case loginForm:
		f.Error = "login_throttled"
		form = f
	case setupForm:
		f.Error = "login_throttled"
		form = f
	}
	s.renderApp(c, http.StatusTooManyRequests, nil, page, page+"_title", form)
}
