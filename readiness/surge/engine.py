"""The one day-by-day model, written once, run on one cell or on a grid of many.

Every rule of the model lives in :func:`_loop`, written against a backend of
five functions (``mn``, ``mx``, ``where``, ``anyof``, ``lag``). A grid run
(survival map, what-ifs, sensitivity) passes numpy arrays that hold one value
per cell; a single run passes plain Python floats, because numpy's per-call
cost (about a microsecond, the same for one value as for 2,500) would make one
180-day run of this model take tens of milliseconds. It is the same code, with
the same float operations in the same order, so each cell of a grid equals
its single run exactly (tests check it), and a new mechanic is written once.

One day, in order (docs/surge.md tells it in plain words):

1. orders arrive; the website takes the online ones up to its capacity and
   turns the rest away (lost);
2. orders join the queue; those that have waited the usual time (the waiting
   list, if any) are due, and so are those that make the queue longer than usual;
3. goods: materials arrive, production makes what the plan (batches of the
   forecast) and the due orders need, finished stock serves the due orders
   first, stock past its shelf life is written off, materials are reordered;
   services: people's hours serve the due orders; customer service caps both;
4. customers who would wait longer than usual leave unless willing to wait;
   those who waited longer than their patience cancel;
5. cash: customers pay ``payment_days`` after delivery, suppliers are paid
   ``supplier_payment_days`` after their delivery, fixed costs and the costs of
   added capacity go out;
6. steps that fell short order added capacity as the expansion policy says;
   fixed capacity is let go once its commitment has run and things are calm.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from readiness.surge.inputs import SurgeInputs
from readiness.surge.resources import MAKE, MATERIALS, SERVICE, SLOTS, STOCK, WEB
from readiness.surge.scenarios import Scenario

#: Levers, in the order the engine keeps them, with the slot each one adds to.
LEVERS: tuple[str, ...] = ("overtime", "partner", "expand", "service_help", "website_upgrade", "extra_supply")
LEVER_SLOT: tuple[int, ...] = (MAKE, MAKE, MAKE, SERVICE, WEB, MATERIALS)
#: Quick levers are ordered the day a step falls short under both policies; big
#: ones wait, under the cautious policy, until demand has stayed above the step's
#: normal capacity for :data:`CAUTIOUS_DAYS` days in a row.
QUICK = (True, True, False, False, True, True)
CAUTIOUS_DAYS = 14
POLICY_CODE = {"never": 0, "cautious": 1, "aggressive": 2}
INF = math.inf

Num = Any  # a float (one cell) or a numpy array (one value per cell)


@dataclass
class Params:
    """The inputs of one cell as plain numbers; :meth:`stack` turns many into arrays.

    Names are short because :func:`_loop` reads them every day. Amounts are in
    orders a day (capacities, stock) or money; lags in whole days.
    """

    n: float  # normal orders a day
    price: float
    cost: float  # paid per order (materials for goods)
    fixed: float  # fixed costs a day
    cash: float  # on day 1, after paying for any stock built beforehand
    pay: int  # days until customers pay
    sup_pay: int  # days until suppliers are paid
    online: float  # share of orders placed online
    web: float  # online orders a day the website takes (inf: no limit)
    make: float  # production or people's hours, orders a day
    serv: float  # customer service, orders a day (inf: not modelled)
    stock: float  # normal finished stock
    stock0: float  # finished stock on day 1 (normal plus built beforehand)
    prebuilt: float  # of which built beforehand
    shelf: int  # days stock stays sellable (a huge number: never expires)
    mat: float  # materials on hand, normally
    sup_lead: int
    sup: float  # most suppliers deliver a day
    batch: int  # days of plan in one batch
    wait_days: int  # the usual wait (waiting list)
    patience: int  # days beyond the usual wait
    leave: float  # share of customers who will not wait longer than usual
    pad: float  # share the forecast production follows is padded by (of the plan)
    policy: int  # 0 never, 1 cautious, 2 aggressive
    cap: tuple[float, ...]  # per lever: orders a day added
    lead: tuple[int, ...]
    per_order: tuple[float, ...]
    per_day: tuple[float, ...]
    upfront: tuple[float, ...]
    commit: tuple[int, ...]

    @classmethod
    def of(cls, inputs: SurgeInputs, scenario: Scenario) -> Params:
        n = inputs.orders_per_day
        levers = [getattr(inputs.levers, name) for name in LEVERS]
        goods = inputs.goods
        prebuilt = scenario.prebuild_days * n if goods and inputs.make_to_stock else 0.0
        return cls(
            n=n,
            price=inputs.price,
            cost=inputs.unit_cost,
            fixed=inputs.fixed_cost_per_day,
            cash=inputs.cash - prebuilt * inputs.unit_cost,
            pay=inputs.payment_days,
            sup_pay=inputs.supplier_payment_days,
            online=inputs.online_share if inputs.online else 0.0,
            web=inputs.website if inputs.online and inputs.website is not None else INF,
            make=inputs.making,
            serv=INF if inputs.service is None or inputs.kind == "goods" else inputs.service,
            stock=inputs.stock if goods else 0.0,
            stock0=(inputs.stock if goods else 0.0) + prebuilt,
            prebuilt=prebuilt,
            shelf=inputs.shelf_days or 100_000,
            mat=(inputs.materials or 0.0) if goods else 0.0,
            sup_lead=inputs.supplier_lead_days,
            sup=inputs.supplier_per_day,
            batch=inputs.batch_days,
            wait_days=inputs.waiting_list_days,
            patience=inputs.patience_days,
            leave=1 - inputs.wait_share,
            pad=scenario.padding / 100 / (1 + scenario.padding / 100),
            policy=POLICY_CODE[inputs.expansion],
            cap=tuple(lv.capacity for lv in levers),
            lead=tuple(lv.lead_days for lv in levers),
            per_order=tuple(lv.cost_per_order for lv in levers),
            per_day=tuple(lv.cost_per_day for lv in levers),
            upfront=tuple(lv.upfront for lv in levers),
            commit=tuple(lv.commit_days for lv in levers),
        )

    @classmethod
    def stack(cls, cells: Sequence[Params]) -> Params:
        """Many cells as one: a field the cells share stays a plain number, the others become arrays."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            column = [getattr(c, f.name) for c in cells]
            # The dtype comes from the field's declared type, never from the first cell's
            # value: a lever left at its default holds the int 0, and an int64 column
            # would cut another cell's 7.5 a day down to 7.
            dtype = np.int64 if str(f.type).startswith(("int", "tuple[int")) else float
            if isinstance(column[0], tuple):
                values[f.name] = tuple(_column([c[k] for c in column], dtype) for k in range(len(column[0])))
            else:
                values[f.name] = _column(column, dtype)
        return cls(**values)


def _column(values: list[Any], dtype: Any) -> Any:
    first = values[0]
    if all(v == first for v in values):
        return first
    return np.array(values, dtype=dtype)


@dataclass(frozen=True)
class Layout:
    """What kind of business the cells are: decides which mechanics run at all (the same for every cell)."""

    goods: bool
    make_to_stock: bool
    service: bool

    @classmethod
    def of(cls, inputs: SurgeInputs) -> Layout:
        return cls(inputs.goods, inputs.goods and inputs.make_to_stock, inputs.kind != "goods")


class _One:
    """The backend for a single cell: plain Python numbers."""

    cells = 1

    @staticmethod
    def mn(a: float, b: float) -> float:
        return a if a <= b else b

    @staticmethod
    def mx(a: float, b: float) -> float:
        return a if a >= b else b

    @staticmethod
    def where(cond: bool, a: Any, b: Any) -> Any:
        return a if cond else b

    @staticmethod
    def anyof(cond: bool) -> bool:
        return bool(cond)

    @staticmethod
    def history(rows: int, pre: Callable[[int], Any]) -> list[Any]:
        return [pre(r) for r in range(rows)]

    @staticmethod
    def lag(hist: list[Any], row: int) -> Any:
        return hist[row if row > 0 else 0]

    @staticmethod
    def full(value: Any) -> Any:
        return value

    @staticmethod
    def rows(value: int) -> int:
        return int(value)

    @staticmethod
    def minimum_of(values: Any) -> float:
        return float(values)


class _Grid:
    """The backend for many cells: numpy arrays holding one value per cell."""

    mn = staticmethod(np.minimum)
    mx = staticmethod(np.maximum)
    where = staticmethod(np.where)

    def __init__(self, cells: int) -> None:
        self.cells = cells
        self.index = np.arange(cells)

    @staticmethod
    def anyof(cond: Any) -> bool:
        return bool(cond.any()) if isinstance(cond, np.ndarray) else bool(cond)

    def history(self, rows: int, pre: Callable[[int], Any]) -> np.ndarray:
        hist = np.zeros((rows, self.cells))
        for r in range(rows):
            value = pre(r)
            if value is None:
                break
            hist[r] = value
        return hist

    def lag(self, hist: np.ndarray, row: Any) -> Any:
        if isinstance(row, int):
            return hist[row if row > 0 else 0]
        flat = hist.reshape(-1)
        return flat.take(np.maximum(row, 0) * self.cells + self.index)

    def full(self, value: Any) -> np.ndarray:
        return np.full(self.cells, value, dtype=float)

    def rows(self, value: Any) -> np.ndarray:
        return np.full(self.cells, value, dtype=np.int64)

    @staticmethod
    def minimum_of(values: Any) -> float:
        return float(np.min(values))


def run(
    p: Params, shape: Layout, demand: Any, plan: Any, horizon: int, record: bool = False
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run the model; ``demand`` and ``plan`` are orders a day, one row per day (plus the plan's look-ahead).

    One cell: ``p`` holds plain numbers and ``demand`` is a sequence of
    floats. A grid: ``p`` from :meth:`Params.stack`, ``demand`` and ``plan``
    arrays of shape ``(days, cells)``. Returns the summary (one value per
    cell) and, with ``record``, every per-day series.
    """
    cells = 1 if np.ndim(demand) == 1 else int(np.shape(demand)[1])
    xp: Any = _One() if cells == 1 and not isinstance(p.n, np.ndarray) and np.ndim(demand) == 1 else _Grid(cells)
    return _loop(xp, p, shape, demand, plan, horizon, record)


def _loop(
    xp: Any, p: Params, shape: Layout, demand: Any, plan: Any, horizon: int, record: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    mn, mx, where, anyof, lag = xp.mn, xp.mx, xp.where, xp.anyof, xp.lag
    n = p.n
    # What counts as "nothing": a billionth of a normal day, each cell its own (a
    # grid-wide scale would make a cell's verdict depend on its neighbours).
    tol = 1e-9 * n
    goods, mts, service = shape.goods, shape.make_to_stock, shape.service
    web_on = _top(p.online) > 0
    pad_on = mts and _top(p.pad) > 0
    shelf_on = mts and _bottom(p.shelf) < 100_000
    # Pre-history rows before day 1 (row `off` is day 1): long enough that row 0
    # means "long ago" for every lag the loop reads.
    off = 2 + int(max(_top(p.wait_days), math.ceil(_top(p.stock0) / _bottom(n)) if goods else 0))
    rows = off + horizon
    q0 = n * p.wait_days  # the waiting list, in orders

    def accepted_before(r: int) -> Any:  # cumulative orders in by the end of pre-day r
        s = r - off
        return mx(q0 + n * (s + 1), 0.0) if s < 0 else None

    def produced_before(r: int) -> Any:  # normal stock made over its days of cover, the prebuilt on the last day
        s = r - off
        if s >= 0:
            return None
        return p.stock0 if s == -1 else mx(p.stock - n * (-1 - s), 0.0)

    def normal(r: int) -> Any:
        return n if r < off else None

    def nothing(r: int) -> Any:
        return 0.0 if r < off else None

    acc_hist = xp.history(rows, accepted_before)
    served_hist = xp.history(rows, normal)
    a_total = xp.full(q0)  # cumulative orders accepted (the waiting list counts as accepted)
    removed = xp.full(0.0)  # cumulative orders served or cancelled: the queue is (removed, a_total]
    head = xp.rows(off - p.wait_days)  # row of the oldest open order (for the longest wait)
    cash = xp.full(p.cash)
    stock = xp.full(p.stock0)
    made = xp.full(p.stock0)  # cumulative finished goods made (FIFO ages)
    out_of_stock = xp.full(0.0)  # cumulative sold or written off
    mat = xp.full(p.mat)
    on_order = xp.full(n * p.sup_lead)
    planned_left = xp.full(0.0)
    padded_left = xp.full(0.0)
    dead = xp.full(0.0)  # stock made for padded forecasts: nobody orders it
    dead_made = xp.full(0.0)
    dead_gone = xp.full(0.0)
    if goods:
        made_hist = xp.history(rows, produced_before)
        order_hist = xp.history(rows, normal)
        dead_hist = xp.history(rows, nothing)
        cum_plan = _cumulative(plan)

    # levers: when ordered, when working, until when kept
    k_count = len(LEVERS)
    ordered = [xp.full(-1.0) for _ in range(k_count)]
    ready = [xp.full(INF) for _ in range(k_count)]
    until = [xp.full(INF) for _ in range(k_count)]
    lever_on = [_top(c) > 0 for c in p.cap]
    if not goods:
        lever_on[5] = False
    if not service:
        lever_on[3] = False
    if not web_on:
        lever_on[4] = False
    react = _top(p.policy) > 0
    next_event = INF
    cap_make, cap_serv, cap_web, cap_sup = p.make, p.serv, p.web, p.sup
    base_flex = p.make  # making without its flexible levers
    overtime_room = 0.0
    day_cost = 0.0
    upfront_now = 0.0
    flex_on = False
    act: list[Any] = [False] * k_count
    streak_make = xp.full(0.0)
    streak_serv = xp.full(0.0)
    long_serv = False

    # the summary, kept as we go
    zero = xp.full(0.0)
    tot_in, tot_web, tot_leave, tot_cancel, tot_out = zero, zero, zero, zero, zero
    tot_receipts, tot_payments, tot_levers, tot_idle = zero, zero, zero, zero
    tot_overtime, tot_partner, tot_written, tot_made = zero, zero, zero, zero
    peak_backlog, peak_wait = zero, zero
    peak_excess, peak_locked, peak_dead = zero, zero, zero
    peak_backlog_day, peak_wait_day = xp.full(-1.0), xp.full(-1.0)
    # the low point counts the start: day 0 (index -1) when cash never drops below it
    cash_low, cash_low_day, crunch = xp.full(p.cash), xp.full(-1.0), xp.full(-1.0)
    last_trouble = xp.full(-1.0)
    first = [xp.full(-1.0) for _ in range(SLOTS)]
    first_cap = [xp.full(INF) for _ in range(SLOTS)]
    normal_stock = p.stock + p.batch * n  # safety stock plus one batch: above it is excess
    series: dict[str, list[Any]] = {name: [] for name in SERIES} if record else {}

    for t in range(horizon):
        row = off + t
        if t >= next_event:
            act = [(ready[k] <= t) & (t < until[k]) for k in range(k_count)]
            cap_make = p.make + act[0] * p.cap[0] + act[1] * p.cap[1] + act[2] * p.cap[2]
            base_flex = p.make + act[2] * p.cap[2]
            overtime_room = act[0] * p.cap[0]
            cap_serv = p.serv + act[3] * p.cap[3]
            cap_web = p.web + act[4] * p.cap[4]
            cap_sup = p.sup + act[5] * p.cap[5]
            day_cost = act[2] * p.per_day[2] + act[3] * p.per_day[3] + act[4] * p.per_day[4]
            upfront_now = (ready[2] == t) * p.upfront[2]
            flex_on = anyof(act[0] | act[1])
            next_event = _next_event(xp, ready, until, t)
        else:
            upfront_now = 0.0
        d = demand[t]
        # 1. the website takes online orders up to its capacity; the rest are lost
        if web_on:
            online = d * p.online
            lost_web = mx(online - cap_web, 0.0)
            acc = d - lost_web
        else:
            online = lost_web = 0.0
            acc = d
        a_total = a_total + acc
        acc_hist[row] = a_total
        # 2. orders that have waited the usual time are due; so is every order that makes the queue
        # longer than usual (the oldest first): a business works a queue above its usual length down
        # as fast as it can, so capacity decides whether the extra orders wait longer than usual.
        # Serving only orders past the usual wait left a 30-week queue as a wall no capacity could move:
        # for 30 weeks the extra orders of a contract could only pile up, and customers walked away.
        due = mx(mx(lag(acc_hist, row - p.wait_days) - removed, a_total - removed - q0), 0.0)
        # 3. make and deliver
        if goods:
            arriving = lag(order_hist, row - p.sup_lead)
            mat = mat + arriving
            on_order = on_order - arriving
            stock_start = stock
            if mts:
                batch_day = t % p.batch == 0
                if anyof(batch_day):
                    ahead = lag(cum_plan, t + p.batch) - cum_plan[t]
                    real = ahead * (1 - p.pad) if pad_on else ahead
                    planned_left = where(batch_day, mx(real + p.stock - stock, 0.0), planned_left)
                    if pad_on:
                        padded_left = where(batch_day, ahead * p.pad, padded_left)
                # planned batches run at normal capacity; orders waiting (and stock below its
                # safety level) may use overtime and partners too
                urgent = mx(due + p.stock - stock, 0.0)
                possible = mx(mn(cap_make, urgent), mn(base_flex, planned_left))
            else:
                possible = mn(cap_make, mx(due - stock, 0.0))
            making = mn(mat, possible)
            mat = mat - making
            planned_left = mx(planned_left - making, 0.0)
            used = making
            if pad_on:
                extra = mn(mn(cap_make - making, mat), padded_left)
                mat = mat - extra
                padded_left = padded_left - extra
                dead = dead + extra
                dead_made = dead_made + extra
                dead_hist[row] = dead_made
                used = used + extra
            stock = stock + making
            made = made + making
            made_hist[row] = made
            served = mn(due, stock)
            if service:
                served = mn(served, cap_serv)
            stock = stock - served
            out_of_stock = out_of_stock + served
            if shelf_on:  # stock made longer ago than its shelf life, oldest first
                written = mx(lag(made_hist, row - p.shelf) - out_of_stock, 0.0)
                stock = stock - written
                out_of_stock = out_of_stock + written
                if pad_on:
                    gone = mx(lag(dead_hist, row - p.shelf) - dead_gone, 0.0)
                    dead = dead - gone
                    dead_gone = dead_gone + gone
                    written = written + gone
                tot_written = tot_written + written
            # reorder materials: keep on hand plus on order at the usual stock plus a lead
            # time's worth of what production wants to make (a normal day's at least)
            want = mx(possible, n)
            buy = mn(cap_sup, mx(p.mat + want * p.sup_lead - mat - on_order, 0.0))
            on_order = on_order + buy
            order_hist[row] = buy
            bought = p.cost * lag(order_hist, row - p.sup_lead - p.sup_pay)
            short_make = due > stock_start + cap_make + tol
            short_stock = (stock <= tol) & (served < due - tol) if mts else False
            short_mat = making < possible - tol
            tot_made = tot_made + making
        else:
            served = mn(due, cap_make)
            if service:
                served = mn(served, cap_serv)
            used = served
            short_make = due > cap_make + tol
        removed = removed + served
        served_hist[row] = served
        if not goods:  # costs per order are paid the supplier's terms after delivery
            bought = p.cost * lag(served_hist, row - p.sup_pay)
        # 4. who will not wait longer than usual leaves; who waited past their patience cancels
        late = mn(mx(a_total - removed - q0, 0.0), acc)
        gone_now = late * p.leave
        a_total = a_total - gone_now
        acc_hist[row] = a_total
        cancelled = mx(lag(acc_hist, row - p.wait_days - p.patience) - removed, 0.0)
        removed = removed + cancelled
        backlog = a_total - removed
        # 5. cash
        receipts = p.price * lag(served_hist, row - p.pay)
        payments = p.fixed + bought + day_cost + upfront_now
        if flex_on:
            beyond = mx(used - base_flex, 0.0)
            on_overtime = mn(beyond, overtime_room)
            overtime_cost = on_overtime * p.per_order[0]
            partner_cost = (beyond - on_overtime) * p.per_order[1]
            payments = payments + overtime_cost + partner_cost
            tot_overtime = tot_overtime + overtime_cost
            tot_partner = tot_partner + partner_cost
            tot_levers = tot_levers + overtime_cost + partner_cost
        cash = cash + receipts - payments
        tot_receipts = tot_receipts + receipts
        tot_payments = tot_payments + payments
        tot_levers = tot_levers + day_cost + upfront_now
        if anyof(day_cost):  # added fixed capacity standing idle: making needed no more than it had without it
            without = cap_make - act[2] * p.cap[2]
            idle = mx(1.0 - mx(used - without, 0.0) / mx(act[2] * p.cap[2], tol), 0.0) * act[2] * p.per_day[2]
            tot_idle = tot_idle + idle
        # 6. steps that fell short; added capacity as the policy says
        short_web = online > cap_web + tol if web_on else False
        short_serv = due > cap_serv + tol if service else False
        shorts = (short_web, short_make, short_stock if goods else False, short_mat if goods else False, short_serv)
        short_any = [anyof(x) for x in shorts]
        for slot in range(5):
            s = shorts[slot]
            if short_any[slot]:
                fresh = s & (first[slot] < 0)
                first[slot] = where(fresh, t, first[slot])
                if slot == WEB:
                    capacity = cap_web
                elif slot == SERVICE:
                    capacity = cap_serv
                elif slot == STOCK:
                    capacity = stock_start
                elif slot == MATERIALS:
                    capacity = making
                else:
                    capacity = stock_start + cap_make if goods else cap_make
                first_cap[slot] = where(fresh, capacity, first_cap[slot])
        if react:
            streak_make = (streak_make + 1) * (acc > p.make + tol)
            long_make = anyof(streak_make >= CAUTIOUS_DAYS)
            if service:
                streak_serv = (streak_serv + 1) * (acc > p.serv + tol)
                long_serv = anyof(streak_serv >= CAUTIOUS_DAYS)
            changed = False
            for k in range(k_count):
                if not lever_on[k]:
                    continue
                slot = LEVER_SLOT[k]
                s = shorts[slot]
                if QUICK[k]:
                    if not short_any[slot]:
                        continue
                    want = s & (p.policy > 0)
                else:
                    lasting = long_make if slot == MAKE else long_serv
                    if not (short_any[slot] or lasting):
                        continue
                    streak = streak_make if slot == MAKE else streak_serv
                    want = (s & (p.policy == 2)) | ((streak >= CAUTIOUS_DAYS) & (p.policy == 1))
                order = want & (ordered[k] < 0) & (p.cap[k] > 0)
                if anyof(order):
                    ordered[k] = where(order, t, ordered[k])
                    ready[k] = where(order, t + p.lead[k], ready[k])
                    changed = True
                    lever_on[k] = anyof(ordered[k] < 0)
            # Let fixed capacity go once its commitment has run and things are calm: every
            # fixed lever that works, whatever it costs a day (docs/surge.md). Guarding on
            # the day's cost kept a free lever in a single run but let it go in a grid
            # beside a paid one.
            if anyof(act[2] | act[3] | act[4]):
                calm = backlog <= q0 + tol
                for k in (2, 3, 4):
                    free = (ready[k] + p.commit[k] <= t) & (until[k] == INF) & calm & (ready[k] <= t)
                    if anyof(free):
                        until[k] = where(free, t + 1, until[k])
                        changed = True
            if changed:
                next_event = _next_event(xp, ready, until, t)
        # the summary
        trouble = (lost_web > tol) | (gone_now > tol) | (cancelled > tol) | (backlog > q0 + tol)
        last_trouble = where(trouble, t, last_trouble)
        peak_backlog_day = where(backlog > peak_backlog, t, peak_backlog_day)
        peak_backlog = mx(peak_backlog, backlog)
        head = _advance(xp, acc_hist, head, row, removed, tol)
        wait = where(backlog > tol, row - head + 1, 0)  # the oldest open order will have waited this long by tomorrow
        peak_wait_day = where(wait > peak_wait, t, peak_wait_day)
        peak_wait = mx(peak_wait, wait)
        cash_low_day = where(cash < cash_low, t, cash_low_day)
        cash_low = mn(cash_low, cash)
        crunch = where((crunch < 0) & (cash < 0), t, crunch)
        tot_in = tot_in + d
        tot_web = tot_web + lost_web
        tot_leave = tot_leave + gone_now
        tot_cancel = tot_cancel + cancelled
        tot_out = tot_out + served
        if goods:
            excess = mx(stock - normal_stock, 0.0)
            peak_excess = mx(peak_excess, excess)
            peak_dead = mx(peak_dead, dead)
            peak_locked = mx(peak_locked, (excess + dead) * p.cost)
        if record:
            held = served < due - tol
            if goods:
                limit = where(short_mat, MATERIALS, MAKE)
                if service:
                    limit = where(served >= cap_serv - tol, SERVICE, limit)
            elif service:
                limit = where(cap_serv < cap_make, SERVICE, MAKE)
            else:
                limit = MAKE
            values = (
                d,
                plan[t],
                acc,
                served,
                backlog,
                wait,
                lost_web,
                gone_now,
                cancelled,
                cash,
                receipts,
                payments,
                stock,
                dead,
                mat,
                making if goods else served,
                cap_make,
                cap_serv,
                cap_web,
                day_cost + upfront_now + (overtime_cost + partner_cost if flex_on else 0.0),
                where(held, limit, -1),
            )
            for name, value in zip(SERIES, values, strict=True):
                series[name].append(value)
    summary = {
        "orders_in": tot_in,
        "lost_website": tot_web,
        "lost_leaving": tot_leave,
        "lost_patience": tot_cancel,
        "delivered": tot_out,
        "still_waiting": a_total - removed,
        "peak_backlog": peak_backlog,
        "peak_backlog_day": peak_backlog_day,
        "peak_wait": peak_wait,
        "peak_wait_day": peak_wait_day,
        "cash_start": p.cash,
        "cash_low": cash_low,
        "cash_low_day": cash_low_day,
        "cash_end": cash,
        "crunch": crunch,
        "last_trouble": last_trouble,
        "receipts": tot_receipts,
        "payments": tot_payments,
        "lever_cost": tot_levers,
        "idle_cost": tot_idle,
        "overtime_cost": tot_overtime,
        "partner_cost": tot_partner,
        "made": tot_made,
        "written_off": tot_written,
        "stock_end": stock,
        "dead_end": dead,
        "peak_excess": peak_excess,
        "peak_dead": peak_dead,
        "peak_locked": peak_locked,
        "excess_end": mx(stock - normal_stock, 0.0),
        "locked_end": (mx(stock - normal_stock, 0.0) + dead) * p.cost,
        "first": first,
        "first_cap": first_cap,
        "ordered": ordered,
        "ready": ready,
        "until": until,
    }
    return summary, series


#: The per-day series a recorded run keeps, in the order :func:`_loop` appends them.
SERIES: tuple[str, ...] = (
    "demand",
    "plan",
    "accepted",
    "delivered",
    "backlog",
    "wait",
    "lost_website",
    "lost_leaving",
    "lost_patience",
    "cash",
    "receipts",
    "payments",
    "stock",
    "dead",
    "materials",
    "made",
    "capacity_making",
    "capacity_service",
    "capacity_website",
    "lever_cost",
    "bottleneck",
)


def _advance(xp: Any, acc_hist: Any, head: Any, row: int, removed: Any, tol: float) -> Any:
    """Move the row of the oldest open order past every day whose orders are all served or gone."""
    if isinstance(head, int):
        while head < row and acc_hist[head] <= removed + tol:
            head += 1
        return head
    while True:
        move = (head < row) & (xp.lag(acc_hist, head) <= removed + tol)
        if not move.any():
            return head
        head = head + move


def _next_event(xp: Any, ready: list[Any], until: list[Any], t: int) -> float:
    """The next day some cell's capacity or fixed costs change."""
    soonest = INF
    for values in (*ready, *until):
        later = xp.where(values > t, values, INF)
        soonest = min(soonest, xp.minimum_of(later))
    return soonest


def _cumulative(plan: Any) -> Any:
    """Running totals of the plan with a leading zero, so a batch's plan is a difference of two rows."""
    if np.ndim(plan) == 1:
        out = [0.0]
        total = 0.0
        for value in plan:
            total = total + value
            out.append(total)
        return out
    cum = np.zeros((plan.shape[0] + 1, plan.shape[1]))
    np.cumsum(plan, axis=0, out=cum[1:])
    return cum


def _top(value: Any) -> float:
    return float(np.max(value)) if isinstance(value, np.ndarray) else float(value)


def _bottom(value: Any) -> float:
    return float(np.min(value)) if isinstance(value, np.ndarray) else float(value)
