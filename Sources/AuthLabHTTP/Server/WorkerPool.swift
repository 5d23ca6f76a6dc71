internal import CMicroHTTPD

#if canImport(Glibc)
    internal import Glibc
#endif

/// A fixed set of threads draining a bounded FIFO of jobs, for work too slow for MHD threads.
///
/// `reserve()` claims a queue slot first (or fails when `queueLimit` jobs already wait), so
/// the caller can suspend its connection before the job can possibly run and resume it.
// @unchecked Sendable: every mutable field is read and written only while `mutex` is held;
// the pthread mutex and condition live in heap memory owned by this object until deinit.
final class WorkerPool: @unchecked Sendable {
    /// A queued unit of work: `run` on a worker, or `cancel` if the pool stops first.
    struct Job: Sendable {
        let run: @Sendable () -> Void
        let cancel: @Sendable () -> Void
    }

    /// A claimed queue slot; pass it to `enqueue` exactly once.
    struct Reservation: ~Copyable {}

    let threadCount: Int
    let queueLimit: Int
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var jobs: [Job] = []
    private var head = 0
    private var reserved = 0
    private var running = 0
    private var stopping = false
    private var threads: [pthread_t] = []

    /// Nice value of the worker threads (Linux schedules threads one by one): above 0, the
    /// serving threads win the CPU when both want it, so a login storm slows logins, not
    /// every other request.
    private let niceness: Int32

    init(threads: Int, queueLimit: Int, niceness: Int32 = 0) {
        self.niceness = niceness
        threadCount = min(max(1, threads), 1024)
        self.queueLimit = max(0, queueLimit)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Starts the threads; returns false if the system refused to create one.
    func start() -> Bool {
        for _ in 0..<threadCount {
            var thread = pthread_t()
            let box = Unmanaged.passRetained(self).toOpaque()
            guard pthread_create(&thread, nil, workerPoolThreadMain, box) == 0 else {
                Unmanaged<WorkerPool>.fromOpaque(box).release()
                return false
            }
            locked { threads.append(thread) }
        }
        return true
    }

    /// Jobs waiting (not yet running), including claimed slots.
    var queueDepth: Int {
        locked { jobs.count - head + reserved }
    }

    /// Jobs waiting or running.
    var busy: Int {
        locked { jobs.count - head + reserved + running }
    }

    /// Claims a slot, or nil when the queue is full or the pool is stopping.
    ///
    /// Idle workers count as room: with every worker busy, at most `queueLimit` jobs wait.
    func reserve() -> Reservation? {
        locked {
            let waiting = jobs.count - head + reserved
            let idle = threadCount - running
            guard !stopping, waiting < queueLimit + max(0, idle) else { return nil }
            reserved += 1
            return Reservation()
        }
    }

    /// Queues `job` in a slot claimed by `reserve()`; cancels it if the pool stopped meanwhile.
    func enqueue(_ reservation: consuming Reservation, _ job: Job) {
        _ = consume reservation
        let accepted = locked {
            reserved -= 1
            guard !stopping else { return false }
            jobs.append(job)
            pthread_cond_signal(condition)
            return true
        }
        if !accepted { job.cancel() }
    }

    /// Cancels waiting jobs, lets running ones finish, and joins every thread. Idempotent.
    func shutdown() {
        let (cancelled, toJoin): ([Job], [pthread_t]) = locked {
            stopping = true
            let pending = Array(jobs[head...])
            jobs.removeAll()
            head = 0
            let joined = threads
            threads.removeAll()
            pthread_cond_broadcast(condition)
            return (pending, joined)
        }
        for job in cancelled {
            job.cancel()
        }
        for thread in toJoin {
            pthread_join(thread, nil)
        }
    }

    /// The worker loop: take a job, run it outside the lock, repeat until stopping.
    fileprivate func workLoop() {
        if niceness > 0 {
            _ = setpriority(
                __priority_which_t(PRIO_PROCESS.rawValue), id_t(CMicroHTTPD_gettid()), niceness)
        }
        while let job = next() {
            job.run()
            locked { running -= 1 }
        }
    }

    private func next() -> Job? {
        locked {
            while head == jobs.count && !stopping {
                pthread_cond_wait(condition, mutex)
            }
            guard head < jobs.count else { return nil }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            }
            running += 1
            return job
        }
    }

    private func locked<T: ~Copyable>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}

/// Thread entry: takes the retained pool, runs its loop, releases it.
private func workerPoolThreadMain(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer?
{
    guard let argument else { return nil }
    let pool = Unmanaged<WorkerPool>.fromOpaque(argument).takeRetainedValue()
    pool.workLoop()
    return nil
}
