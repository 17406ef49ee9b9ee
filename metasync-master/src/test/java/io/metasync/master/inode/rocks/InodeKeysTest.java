package io.metasync.master.inode.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InodeKeysTest {
  private static final char[] INTERESTING = {
    'a', 'Z', '0', '\u007f', '\u0080', '\u07ff', '\u0800', '\uD7FF', '\uD800', '\uDBFF', '\uDC00',
    '\uDFFF', '\uE000', '\uFB01', '\uFF71', '\uFFFF'
  };

  @Test
  void keyByteOrderIsStringOrderForAnyCodeUnits() {
    Random random = new Random(1);
    for (int i = 0; i < 200_000; i++) {
      String a = randomName(random);
      String b = randomName(random);
      int bytes = Arrays.compareUnsigned(InodeKeys.child(7, a), InodeKeys.child(7, b));
      assertThat(Integer.signum(bytes))
          .as("'%s' vs '%s'", a, b)
          .isEqualTo(Integer.signum(a.compareTo(b)));
    }
  }

  @Test
  void aParentsChildrenLieBetweenItsIdAndTheNextId() {
    byte[] first = InodeKeys.child(5, "");
    byte[] last = InodeKeys.child(5, "\uFFFF\uFFFF");
    assertThat(Arrays.compareUnsigned(first, InodeKeys.id(5))).isZero();
    assertThat(Arrays.compareUnsigned(last, InodeKeys.childrenEnd(5))).isNegative();
    assertThat(Arrays.compareUnsigned(InodeKeys.child(4, "\uFFFF"), first)).isNegative();
    assertThat(InodeKeys.readId(InodeKeys.id(0x0102030405060708L))).isEqualTo(0x0102030405060708L);
  }

  private static String randomName(Random random) {
    char[] chars = new char[random.nextInt(4)];
    for (int i = 0; i < chars.length; i++) {
      chars[i] =
          random.nextBoolean()
              ? INTERESTING[random.nextInt(INTERESTING.length)]
              : (char) random.nextInt(0x10000);
    }
    return new String(chars);
  }
}
