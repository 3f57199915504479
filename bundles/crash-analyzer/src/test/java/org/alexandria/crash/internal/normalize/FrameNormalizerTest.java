package org.alexandria.crash.internal.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.alexandria.crash.internal.trace.Platform;
import org.alexandria.crash.internal.trace.StackFrame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameNormalizerTest {

    private final FrameNormalizer normalizer = new FrameNormalizer();

    @ParameterizedTest(name = "{0}.{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "com.acme.Cart|lambda$total$3|com.acme.Cart.lambda$total",
        "com.acme.Cart|lambda$static$0|com.acme.Cart.lambda$static",
        "com.acme.Cart$$Lambda$14/0x0000000800c0b000|apply|com.acme.Cart$$Lambda.apply",
        "com.acme.Cart$$Lambda/0x000001f0010c4000|apply|com.acme.Cart$$Lambda.apply",
        "com.acme.Cart$$Lambda$7/1283928880|apply|com.acme.Cart$$Lambda.apply",
        "com.acme.Cart$1|run|com.acme.Cart$anon.run",
        "com.acme.Cart$1$2|run|com.acme.Cart$anon$anon.run",
        "com.acme.Cart$Line|price|com.acme.Cart$Line.price",
        "com.acme.CartService$$EnhancerBySpringCGLIB$$5f2a7c1d|checkout|com.acme.CartService$$EnhancerBySpringCGLIB.checkout",
        "com.acme.CartService$$SpringCGLIB$$0|checkout|com.acme.CartService$$SpringCGLIB.checkout",
        "com.acme.CartService$MockitoMock$1847920373|checkout|com.acme.CartService$MockitoMock.checkout",
        "com.acme.CartService$ByteBuddy$AbCd1234|checkout|com.acme.CartService$ByteBuddy.checkout",
        "com.acme.Cart_$$_jvst3a1_0|getLines|com.acme.Cart_$$_.getLines",
        "com.sun.proxy.$Proxy12|checkout|com.sun.proxy.$Proxy.checkout",
        "jdk.proxy2.$Proxy47|checkout|jdk.proxy2.$Proxy.checkout",
        "sun.reflect.GeneratedMethodAccessor4|invoke|sun.reflect.GeneratedMethodAccessor.invoke",
        "jdk.internal.reflect.GeneratedConstructorAccessor31|newInstance|jdk.internal.reflect.GeneratedConstructorAccessor.newInstance",
        "com.acme.Cart|access$000|com.acme.Cart.access$",
        "com.acme.Cart$Generated_9f86d081884c|build|com.acme.Cart$Generated.build",
        "com.google.gson.internal.$Gson$Types|resolve|com.google.gson.internal.$Gson$Types.resolve"})
    void javaNames(String module, String function, String key) {
        assertThat(normalizer.normalize(Platform.JAVA, StackFrame.of(module, function, "X.java", 12)).key()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}.{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "Acme.Orders.OrderService.<GetAsync>d__4|MoveNext|Acme.Orders.OrderService.GetAsync",
        "Acme.Orders.OrderService+<GetAsync>d__4|MoveNext|Acme.Orders.OrderService.GetAsync",
        "Acme.Orders.OrderService.<>c__DisplayClass3_0|<Get>b__0|Acme.Orders.OrderService.lambda$Get",
        "Acme.Orders.OrderService+<>c|<Load>b__5_1|Acme.Orders.OrderService.lambda$Load",
        "Acme.Orders.Repository`1|Find[TKey]|Acme.Orders.Repository`1.Find"})
    void dotNetNames(String module, String function, String key) {
        assertThat(normalizer.normalize(Platform.DOTNET, StackFrame.of(module, function, null, 3)).key()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "https://shop.example.com/static/js/main.3f2a9c1b.js|js/main.js",
        "https://shop.example.com/assets/index-Bx7Fq2kL.js?v=12#top|assets/index.js",
        "https://shop.example.com/static/js/vendors~main.chunk.0a1b2c3d.js|js/vendors~main.chunk.js",
        "webpack:///./src/cart/total.js|cart/total.js",
        "file:///home/dev/app/src/main.mjs|src/main.mjs",
        "/home/dev/app/node_modules/react-dom/cjs/react-dom.development.js|react-dom/cjs/react-dom.development.js",
        "/srv/app/orders/service.py|orders/service.py",
        "/home/dev/venv/lib/python3.11/site-packages/requests/api.py|requests/api.py",
        "C:\\Python311\\Lib\\site-packages\\django\\db\\models\\query.py|django/db/models/query.py",
        "/srv/app/__pycache__/service.pyc|__pycache__/service.py"})
    void scriptPaths(String file, String unit) {
        assertThat(normalizer.normalize(Platform.JAVASCRIPT, StackFrame.of(null, "f", file, 1)).unit()).isEqualTo(unit);
    }

    @ParameterizedTest(name = "{0}`{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "/lib/x86_64-linux-gnu/libc.so.6|__GI_raise|libc.so.__GI_raise",
        "acme|parse_header(buf=0x0000000000000000, len=16)|acme.parse_header",
        "acme|compress_block.isra.0|acme.compress_block",
        "acme|compress_block.constprop.0.cold|acme.compress_block",
        "acme|(anonymous namespace)::flush(int)|acme.(anonymous namespace)::flush",
        "acme|??|acme.?"})
    void nativeNames(String module, String function, String key) {
        assertThat(normalizer.normalize(Platform.NATIVE, StackFrame.of(module, function, null, -1)).key()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"new CartView|CartView", "Object.<anonymous>|Object.<anonymous>"})
    void javaScriptConstructorsAreTheirFunction(String function, String normalized) {
        assertThat(normalizer.normalize(Platform.JAVASCRIPT, StackFrame.of(null, function, "a.js", 1)).function())
                .isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0} line {1} and line {2}")
    @CsvSource({"com.acme.Cart, 12, 4711", "com.acme.Cart, -1, 7"})
    void lineNumbersNeverMatter(String module, int a, int b) {
        assertThat(normalizer.normalize(Platform.JAVA, StackFrame.of(module, "total", "Cart.java", a)))
                .isEqualTo(normalizer.normalize(Platform.JAVA, StackFrame.of(module, "total", "Cart.java", b)));
    }

    @ParameterizedTest(name = "gdb file {0} -> unit {1}")
    @CsvSource({"src/parser.c, parser.c", "../sysdeps/posix/raise.c, raise.c"})
    void nativeFramesWithoutALibraryAreKnownByTheirFile(String file, String unit) {
        assertThat(normalizer.normalize(Platform.NATIVE, StackFrame.of(null, "f", file, 3)).unit()).isEqualTo(unit);
    }
}
