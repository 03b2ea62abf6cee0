// leak (LeakSanitizer, exit 1 in the ASan build for every program in the default tier): backend/be_tier.c:61 be_tier_install's BeTier, be_backend_new (be_backend.c:21), be_code_space_new (be_code.c:24) and rt_tier_info (runtime/rt_tier.c:19) are never freed by rt_free; run without ASAN_OPTIONS=detect_leaks=0
console.log(1);
