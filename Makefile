# Makefile — reef's build, driven by build.sh. Every folder's .c files go
# into one static library; driver/reef_main.c makes the binary; tests/unit
# makes the Criterion test binary. MODE=release|asan selects the build dir.

MODE ?= release
BUILD := build/$(MODE)
CC ?= gcc
LLVM_CONFIG ?= /usr/lib/llvm-19/bin/llvm-config

CFLAGS_COMMON := -std=gnu11 -g -Wall -Wextra -Wno-unused-parameter -I. -MMD -MP -fno-strict-aliasing
ifeq ($(MODE),asan)
CFLAGS_MODE := -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined -DREEF_ASAN=1
LDFLAGS_MODE := -fsanitize=address,undefined
else
CFLAGS_MODE := -O2
LDFLAGS_MODE :=
endif
CFLAGS += $(CFLAGS_COMMON) $(CFLAGS_MODE)
LDLIBS := -lm -ldl -lpthread

GVC_CFLAGS := $(shell pkg-config --cflags libgvc 2>/dev/null)
GVC_LIBS := $(shell pkg-config --libs libgvc 2>/dev/null)
CRITERION_LIBS := $(shell pkg-config --libs criterion 2>/dev/null)
LLVM_CFLAGS := $(shell $(LLVM_CONFIG) --cflags 2>/dev/null)

DIRS := runtime frontend ir passes backend graphs driver
LIB_SRCS := $(filter-out driver/reef_main.c,$(foreach d,$(DIRS),$(wildcard $(d)/*.c)))
LIB_OBJS := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRCS))
MAIN_OBJ := $(BUILD)/obj/driver/reef_main.o
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_OBJS := $(patsubst %.c,$(BUILD)/obj/%.o,$(UNIT_SRCS))

all: $(BUILD)/reef
unit: $(BUILD)/unit_tests

$(BUILD)/libreef.a: $(LIB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/reef: $(MAIN_OBJ) $(BUILD)/libreef.a
	$(CC) $(LDFLAGS_MODE) -o $@ $^ $(GVC_LIBS) $(LDLIBS)

$(BUILD)/unit_tests: $(UNIT_OBJS) $(BUILD)/libreef.a
	$(CC) $(LDFLAGS_MODE) -o $@ $^ $(CRITERION_LIBS) $(GVC_LIBS) $(LDLIBS)

$(BUILD)/obj/graphs/%.o: graphs/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(GVC_CFLAGS) -c -o $@ $<

$(BUILD)/obj/backend/be_mc%.o: backend/be_mc%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LLVM_CFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

clean:
	rm -rf build/release build/asan

.PHONY: all unit clean
-include $(LIB_OBJS:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_OBJS:.o=.d)
