# k-means (Lloyd) in 1-D, plain Python. Reads the lab's start.json, prints the run as CSV.
import json, sys

start = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "start.json"))
x, iterations, c = start["data"], start["iterations"], start["kmeans"]["centers"][:]

def nearest(xi, c):
    return min(range(len(c)), key=lambda j: ((xi - c[j]) ** 2, j))  # a tie goes to the lower index

def inertia(c):
    return sum(min((xi - cj) ** 2 for cj in c) for xi in x)  # squared distances

print("iteration,inertia")
for t in range(1, iterations + 1):
    z = [nearest(xi, c) for xi in x]  # assign with the current centres...
    new, taken = [], set()
    for j in range(len(c)):
        members = [xi for xi, zi in zip(x, z) if zi == j]
        if members:
            new.append(sum(members) / len(members))  # ...then average THIS assignment
        else:
            # an empty cluster is not dropped: its centre moves to the point farthest from its own centre
            far = max((i for i in range(len(x)) if i not in taken), key=lambda i: ((x[i] - c[z[i]]) ** 2, -i))
            taken.add(far)
            new.append(x[far])
    c = new
    print(f"{t},{inertia(c)!r}")  # the inertia AFTER the update
print("centers," + ",".join(map(repr, c)))
