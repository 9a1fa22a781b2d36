#!/usr/bin/env python3
"""Summarises async-profiler's collapsed stacks (one "frame;frame;...;leaf count" per line) as plain text:
the share of samples by area of the code (inclusive), the hottest methods by inclusive and by self samples.
Usage: profile-summary.py profile.collapsed [top=25]"""
import re
import sys
from collections import Counter

# Areas of the gateway's work, matched against every frame of a stack (a stack counts once per area).
AREAS = [
    ("Spring Security filter chain", r"org[./]springframework[./]security[./]web[./]server"),
    ("WebSession (Spring Session, MongoDB repository)", r"org[./](mongodb|springframework)[./]session|WebSession|DefaultWebSessionManager"),
    ("MongoDB driver", r"com[./]mongodb"),
    ("Micrometer observation and metrics", r"io[./]micrometer[./](observation|core)"),
    ("Tracing (Micrometer Tracing, OpenTelemetry)", r"io[./]micrometer[./]tracing|io[./]opentelemetry"),
    ("Spring Cloud Gateway filters and routing", r"org[./]springframework[./]cloud[./]gateway"),
    ("Gateway's own filters (th.integrity.gateway)", r"th[./]integrity[./]gateway"),
    ("Rate limits (Bucket4j, Caffeine)", r"io[./]github[./]bucket4j|com[./]github[./]benmanes"),
    ("Reactor Netty HTTP client (to the service)", r"reactor[./]netty[./]http[./]client|reactor[./]netty[./]resources[./]PooledConnectionProvider"),
    ("Reactor Netty HTTP server", r"reactor[./]netty[./]http[./]server"),
    ("Netty I/O (epoll, socket reads and writes)", r"io[./]netty[./]channel[./](epoll|unix|nio)|epoll_wait|\[k\]|sys_"),
    ("Reactor operators (reactor.core)", r"reactor[./]core"),
    ("Context propagation (ThreadLocal restore)", r"io[./]micrometer[./]context|ContextPropagation"),
    ("Logging", r"ch[./]qos[./]logback|org[./]slf4j|org[./]apache[./]logging"),
    ("Header maps (HttpHeaders, Netty headers)", r"HttpHeaders|DefaultHeaders|HttpHeadersAdapter|NettyHeadersAdapter"),
    ("Work moved to Reactor's bounded-elastic pool (a thread hop)", r"reactor[./]core[./]scheduler[./](SchedulerTask|WorkerTask)"),
]
# JIT compiler and garbage-collector threads: not the request path (on a busy machine the JIT may still be compiling).
JVM_THREADS = re.compile(r"CompileBroker|G1|GangWorker|VMThread|ConcurrentGC|WorkerThread::run")


def main(path, top):
    stacks = []
    total = 0
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line:
                continue
            frames, _, count = line.rpartition(" ")
            n = int(count)
            total += n
            stacks.append((frames.split(";"), n))
    if total == 0:
        print("no samples")
        return
    jvm = sum(n for frames, n in stacks if any(JVM_THREADS.search(f) for f in frames))
    request_path = max(1, total - jvm)
    areas = Counter()
    inclusive = Counter()
    leaf = Counter()
    for frames, n in stacks:
        for name, pattern in AREAS:
            if any(re.search(pattern, f) for f in frames):
                areas[name] += n
        for f in set(frames):
            inclusive[f] += n
        leaf[frames[-1]] += n
    print(f"{path}: {total} samples, {100.0 * jvm / total:.1f} % in JIT compiler and GC threads")
    print()
    print("Share of the request path's samples (all but JIT and GC threads) by area; inclusive: a stack counts in")
    print("every area it passes through, and the gateway's WebFilters hold the rest of the chain in their stacks")
    for name, _ in AREAS:
        print(f"  {100.0 * areas[name] / request_path:5.1f} %  {name}")
    print()
    print(f"Top {top} methods by inclusive samples (thread roots and Reactor's generic operators left out)")
    generic = re.compile(r"^(java/lang/Thread\.run|java/lang/Thread|start_thread|thread_native_entry|"
                         r"io/netty/util/concurrent|io/netty/util/internal|io/netty/channel/(AbstractChannelHandlerContext|"
                         r"DefaultChannelPipeline)|reactor/core/publisher/(Flux|Mono)[A-Za-z]*\$[A-Za-z]*Subscriber\.on(Next|Complete|Subscribe)|"
                         r"\[unknown|\[tid)")
    shown = 0
    for f, n in inclusive.most_common():
        if generic.search(f):
            continue
        print(f"  {100.0 * n / total:5.1f} %  {f}")
        shown += 1
        if shown >= top:
            break
    print()
    print(f"Top {top} methods by self samples")
    for f, n in leaf.most_common(top):
        print(f"  {100.0 * n / total:5.1f} %  {f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25)
