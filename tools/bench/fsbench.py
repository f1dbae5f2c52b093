#!/usr/bin/env python3
"""Creating vs deleting vs rewriting 10,000 files of 12 KB in folders (docs/PERFORMANCE.md, change 7)."""
import os, time, shutil
N=10000; data=b"x"*12000
D=os.environ.get("FSBENCH_DIR", "/tmp/fsbench")
def create(d):
    os.makedirs(d, exist_ok=True)
    for i in range(N):
        sub=os.path.join(d, f"p{i}"); os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub,"index.html"),"wb") as f: f.write(data)
def overwrite(d, trunc):
    for i in range(N):
        p=os.path.join(d, f"p{i}","index.html")
        fd=os.open(p, os.O_WRONLY|(os.O_TRUNC if trunc else 0)); os.write(fd, data)
        if not trunc: os.ftruncate(fd, len(data))
        os.close(fd)
shutil.rmtree(D, ignore_errors=True)
t=time.time(); create(D); print("create", round(time.time()-t,2))
t=time.time(); shutil.rmtree(D); print("rmtree", round(time.time()-t,2))
t=time.time(); create(D); print("create after delete", round(time.time()-t,2))
t=time.time(); overwrite(D, True); print("overwrite O_TRUNC", round(time.time()-t,2))
t=time.time(); overwrite(D, False); print("overwrite in place", round(time.time()-t,2))
t=time.time(); shutil.rmtree(D); print("rmtree", round(time.time()-t,2))
