package jp.sample.isms.sso;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A person signed in through the IdP, named by the product's user id (not necessarily the raw claim). */
final class ProductOidcUser extends DefaultOidcUser {

  private static final long serialVersionUID = 1L;
  private final String userId;

  ProductOidcUser(OidcUser user, String userId) {
    super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
    this.userId = userId;
  }

  @Override
  public String getName() {
    return userId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProductOidcUser that && userId.equals(that.userId) && super.equals(other);
  }

  @Override
  public int hashCode() {
    return userId.hashCode();
  }
}
